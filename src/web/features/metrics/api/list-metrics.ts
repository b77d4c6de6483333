import { queryOptions } from '@tanstack/react-query';
import { callEndpoint } from '../../../lib/call-endpoint';
import { metricsApi } from '../../../../shared/contract/endpoints/metrics';
import { metricsKeys } from './metrics-keys';

/** Active metrics, or archived ones, sorted by name (the server's order). */
export function metricsQueryOptions(archived = false) {
  return queryOptions({
    queryKey: metricsKeys.list(archived),
    queryFn: ({ client, signal }) => callEndpoint(client, metricsApi.list, { query: { archived: archived ? 'true' : 'false' }, signal }),
    select: (data) => data.items,
  });
}
