import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { GuardedPromoteBody, Rollout } from '../../../../shared/contract/rollouts';
import { apiRequest } from '../../../lib/api-client';

/** Ships the winner through a guarded rollout: the server answers with the rollout, whose page takes over. */
export function useGuardedPromote(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: GuardedPromoteBody, { client }) =>
      apiRequest<Rollout>(client, `/api/experiments/${encodeURIComponent(id)}/promote/guarded`, { method: 'POST', body }),
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: ['experiments'] }), queryClient.invalidateQueries({ queryKey: ['rollouts'] }), queryClient.invalidateQueries({ queryKey: ['parameters'] })]),
  });
}
