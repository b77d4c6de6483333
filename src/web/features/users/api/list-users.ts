import { queryOptions } from '@tanstack/react-query';
import { callEndpoint } from '../../../lib/call-endpoint';
import { usersApi } from '../../../../shared/contract/endpoints/users';
import { usersKeys } from './users-keys';

export function usersQueryOptions() {
  return queryOptions({
    queryKey: usersKeys.list(),
    queryFn: ({ client, signal }) => callEndpoint(client, usersApi.list, { signal }),
    select: (data) => data.items,
  });
}
