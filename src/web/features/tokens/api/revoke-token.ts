import { useMutation, useQueryClient } from '@tanstack/react-query';
import { callEndpoint } from '../../../lib/call-endpoint';
import { tokensApi } from '../../../../shared/contract/endpoints/tokens';
import { tokensKeys } from './tokens-keys';

/** Revokes a token: every later call with it is refused. */
export function useRevokeToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string, { client }) => callEndpoint(client, tokensApi.revoke, { params: { id } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokensKeys.all }),
  });
}
