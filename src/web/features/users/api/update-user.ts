import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { User } from '../../../../shared/contract/auth';
import type { UpdateUserBody } from '../../../../shared/contract/users';
import { apiRequest } from '../../../lib/api-client';
import { usersKeys } from './users-keys';

export interface UpdateUserVariables {
  id: string;
  changes: UpdateUserBody;
}

/** Changes a user's role or name, or disables / enables the account. */
export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, changes }: UpdateUserVariables, { client }) =>
      apiRequest<User>(client, `/api/users/${encodeURIComponent(id)}`, { method: 'PATCH', body: changes }),
    onSuccess: (updated) => {
      queryClient.setQueryData(usersKeys.list(), (current: { items: User[] } | undefined) =>
        current ? { items: current.items.map((user) => (user.id === updated.id ? updated : user)) } : current,
      );
      return queryClient.invalidateQueries({ queryKey: usersKeys.all });
    },
  });
}
