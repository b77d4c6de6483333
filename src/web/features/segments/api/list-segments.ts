import { queryOptions } from '@tanstack/react-query';
import { segmentsApi } from '../../../../shared/contract/endpoints/segments';
import { callEndpoint } from '../../../lib/call-endpoint';
import { segmentsKeys } from './segments-keys';

export function segmentsQueryOptions(archived = false) {
  return queryOptions({
    queryKey: segmentsKeys.list(archived),
    queryFn: ({ client, signal }) => callEndpoint(client, segmentsApi.list, { query: { archived: archived ? 'true' : 'false' }, signal }),
    select: (data) => data.items,
  });
}
