import { useMutation, useQueryClient } from '@tanstack/react-query';
import { rolloutsApi } from '../../../../shared/contract/endpoints/rollouts';
import type { GuardedPromoteBody } from '../../../../shared/contract/rollouts';
import { callEndpoint } from '../../../lib/call-endpoint';

/** Ships the winner through a guarded rollout: the server answers with the rollout, whose page takes over. */
export function useGuardedPromote(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: GuardedPromoteBody, { client }) =>
      callEndpoint(client, rolloutsApi.promoteGuarded, { params: { id }, body }),
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: ['experiments'] }), queryClient.invalidateQueries({ queryKey: ['rollouts'] }), queryClient.invalidateQueries({ queryKey: ['parameters'] })]),
  });
}
