import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { User } from '../../../../shared/contract/auth';
import type { UpdateUserBody } from '../../../../shared/contract/users';
import { callEndpoint } from '../../../lib/call-endpoint';
import { usersApi } from '../../../../shared/contract/endpoints/users';
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
      callEndpoint(client, usersApi.update, { params: { id }, body: changes }),
    onSuccess: (updated) => {
      queryClient.setQueryData(usersKeys.list(), (current: { items: User[] } | undefined) =>
        current ? { items: current.items.map((user) => (user.id === updated.id ? updated : user)) } : current,
      );
      return queryClient.invalidateQueries({ queryKey: usersKeys.all });
    },
  });
}
