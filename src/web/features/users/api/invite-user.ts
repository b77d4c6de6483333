import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { InvitedUser, InviteUserBody } from '../../../../shared/contract/users';
import { apiRequest } from '../../../lib/api-client';
import { usersKeys } from './users-keys';

/** Creates the account in the invited state; the answer holds the one-time invite link. */
export function useInviteUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: InviteUserBody, { client }) => apiRequest<InvitedUser>(client, '/api/users', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKeys.all }),
  });
}

/** The full link to hand to the invited person (the server answers with a path). */
export function inviteUrl(invited: InvitedUser, origin: string = window.location.origin): string {
  return new URL(invited.invitePath, origin).toString();
}
