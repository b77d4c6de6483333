import { queryOptions } from '@tanstack/react-query';
import type { KnownUser } from '../../../../shared/contract/segments';
import { apiRequest } from '../../../lib/api-client';
import { segmentsKeys } from './segments-keys';
import { withEnvironment } from '../../../lib/environments';

/** A sample of `environment`'s known users in a saved segment ("who is in it"). */
export function segmentMembersQueryOptions(environment: string, id: string, limit = 20) {
  return queryOptions({
    queryKey: [...segmentsKeys.members(id), environment, limit] as const,
    queryFn: ({ client, signal }) =>
      apiRequest<{ items: KnownUser[] }>(client, withEnvironment(`/api/segments/${encodeURIComponent(id)}/members?limit=${limit}`, environment), { signal }),
    select: (data) => data.items,
  });
}
