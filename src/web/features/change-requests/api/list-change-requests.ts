import { queryOptions } from '@tanstack/react-query';
import type { ChangeRequestStatus } from '../../../../shared/contract/change-requests';
import { callEndpoint } from '../../../lib/call-endpoint';
import { changeRequestsApi } from '../../../../shared/contract/endpoints/change-requests';
import { changeRequestsKeys } from './change-requests-keys';

/** One environment's change requests, newest first; `all` leaves the status filter out. */
export function changeRequestsQueryOptions(environment: string, status: ChangeRequestStatus | 'all') {
  return queryOptions({
    queryKey: changeRequestsKeys.list(environment, status),
    queryFn: ({ client, signal }) => callEndpoint(client, changeRequestsApi.list, { query: { environment, status: status === 'all' ? undefined : status }, signal }),
    select: (data) => data.items,
  });
}
