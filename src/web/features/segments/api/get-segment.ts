import { queryOptions } from '@tanstack/react-query';
import { segmentsApi } from '../../../../shared/contract/endpoints/segments';
import { callEndpoint } from '../../../lib/call-endpoint';
import { segmentsKeys } from './segments-keys';

export function segmentQueryOptions(id: string) {
  return queryOptions({
    queryKey: segmentsKeys.detail(id),
    queryFn: ({ client, signal }) => callEndpoint(client, segmentsApi.get, { params: { id }, signal }),
  });
}
