import { queryOptions } from '@tanstack/react-query';
import type { User } from '../../../../shared/contract/auth';
import { apiRequest } from '../../../lib/api-client';
import { usersKeys } from './users-keys';

export function usersQueryOptions() {
  return queryOptions({
    queryKey: usersKeys.list(),
    queryFn: ({ client, signal }) => apiRequest<{ items: User[] }>(client, '/api/users', { signal }),
    select: (data) => data.items,
  });
}
