import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RolloutAction } from '../../../../shared/contract/rollouts';
import { callEndpoint } from '../../../lib/call-endpoint';
import { rolloutsApi } from '../../../../shared/contract/endpoints/rollouts';
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
      callEndpoint(client, rolloutsApi.act, { params: { id, action }, body }),
    onSuccess: (saved) => storeSavedRollout(queryClient, saved),
    onError: (error) => {
      if (isApiError(error) && error.status === 409) return queryClient.invalidateQueries({ queryKey: rolloutsKeys.detail(id) });
    },
  });
}
