import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Rollout, RolloutAction } from '../../../../shared/contract/rollouts';
import { apiRequest } from '../../../lib/api-client';
import { isApiError } from '../../../lib/api-error';
import { rolloutsKeys } from './rollouts-keys';
import { storeSavedRollout } from './get-rollout';

export interface RolloutActionInput {
  action: RolloutAction;
  expectedVersion: number;
  reason?: string;
}

/** Pause, resume, advance, roll back, finish or check now; a 409 (someone, or the monitor, acted first) reloads the rollout. */
export function useRolloutAction(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ action, ...body }: RolloutActionInput, { client }) =>
      apiRequest<Rollout>(client, `/api/rollouts/${encodeURIComponent(id)}/actions/${action}`, { method: 'POST', body }),
    onSuccess: (saved) => storeSavedRollout(queryClient, saved),
    onError: (error) => {
      if (isApiError(error) && error.status === 409) return queryClient.invalidateQueries({ queryKey: rolloutsKeys.detail(id) });
    },
  });
}
