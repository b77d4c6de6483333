import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { InvitedUser, InviteUserBody } from '../../../../shared/contract/users';
import { callEndpoint } from '../../../lib/call-endpoint';
import { usersApi } from '../../../../shared/contract/endpoints/users';
import { usersKeys } from './users-keys';

/** Creates the account in the invited state; the answer holds the one-time invite link. */
export function useInviteUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: InviteUserBody, { client }) => callEndpoint(client, usersApi.invite, { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKeys.all }),
  });
}

/** The full link to hand to the invited person (the server answers with a path). */
export function inviteUrl(invited: InvitedUser, origin: string = window.location.origin): string {
  return new URL(invited.invitePath, origin).toString();
}
