import { queryOptions } from '@tanstack/react-query';
import type { ChangeRequest, ChangeRequestStatus } from '../../../../shared/contract/change-requests';
import { apiRequest } from '../../../lib/api-client';
import { changeRequestsKeys } from './change-requests-keys';

/** One environment's change requests, newest first; `all` leaves the status filter out. */
export function changeRequestsQueryOptions(environment: string, status: ChangeRequestStatus | 'all') {
  const query = new URLSearchParams({ environment });
  if (status !== 'all') query.set('status', status);
  return queryOptions({
    queryKey: changeRequestsKeys.list(environment, status),
    queryFn: ({ client, signal }) => apiRequest<{ items: ChangeRequest[] }>(client, `/api/change-requests?${query.toString()}`, { signal }),
    select: (data) => data.items,
  });
}
