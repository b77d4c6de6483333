import { queryOptions } from '@tanstack/react-query';
import { callEndpoint } from '../../../lib/call-endpoint';
import { metricsApi } from '../../../../shared/contract/endpoints/metrics';
import { metricsKeys } from './metrics-keys';

export function metricQueryOptions(id: string) {
  return queryOptions({
    queryKey: metricsKeys.detail(id),
    queryFn: ({ client, signal }) => callEndpoint(client, metricsApi.get, { params: { id }, signal }),
  });
}
