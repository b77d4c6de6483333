import { queryOptions } from '@tanstack/react-query';
import type { ChangeRequest } from '../../../../shared/contract/change-requests';
import { apiRequest } from '../../../lib/api-client';
import { changeRequestsKeys } from './change-requests-keys';

export function changeRequestQueryOptions(id: string) {
  return queryOptions({
    queryKey: changeRequestsKeys.detail(id),
    queryFn: ({ client, signal }) => apiRequest<ChangeRequest>(client, `/api/change-requests/${encodeURIComponent(id)}`, { signal }),
  });
}
