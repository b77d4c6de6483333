import { queryOptions } from '@tanstack/react-query';
import type { KnownUser } from '../../../../shared/contract/segments';
import { apiRequest } from '../../../lib/api-client';
import { segmentsKeys } from './segments-keys';

/** A sample of known users in a saved segment ("who is in it"). */
export function segmentMembersQueryOptions(id: string, limit = 20) {
  return queryOptions({
    queryKey: [...segmentsKeys.members(id), limit] as const,
    queryFn: ({ client, signal }) =>
      apiRequest<{ items: KnownUser[] }>(client, `/api/segments/${encodeURIComponent(id)}/members?limit=${limit}`, { signal }),
    select: (data) => data.items,
  });
}
