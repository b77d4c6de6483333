import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateRolloutBody, Rollout } from '../../../../shared/contract/rollouts';
import { apiRequest } from '../../../lib/api-client';
import { withEnvironment } from '../../../lib/environments';
import { storeSavedRollout } from './get-rollout';

/** Starts a guarded rollout of new values in `environment`. */
export function useCreateRollout(environment: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateRolloutBody, { client }) => apiRequest<Rollout>(client, withEnvironment('/api/rollouts', environment), { method: 'POST', body }),
    onSuccess: (created) => storeSavedRollout(queryClient, created),
  });
}
