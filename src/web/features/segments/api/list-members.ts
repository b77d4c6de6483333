import { queryOptions } from '@tanstack/react-query';
import { segmentsApi } from '../../../../shared/contract/endpoints/segments';
import { callEndpoint } from '../../../lib/call-endpoint';
import { segmentsKeys } from './segments-keys';

/** A sample of `environment`'s known users in a saved segment ("who is in it"). */
export function segmentMembersQueryOptions(environment: string, id: string, limit = 20) {
  return queryOptions({
    queryKey: [...segmentsKeys.members(id), environment, limit] as const,
    queryFn: ({ client, signal }) => callEndpoint(client, segmentsApi.members, { params: { id }, query: { limit, environment }, signal }),
    select: (data) => data.items,
  });
}
