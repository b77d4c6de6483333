import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateRolloutBody } from '../../../../shared/contract/rollouts';
import { callEndpoint } from '../../../lib/call-endpoint';
import { rolloutsApi } from '../../../../shared/contract/endpoints/rollouts';
import { storeSavedRollout } from './get-rollout';

/** Starts a guarded rollout of new values in `environment`. */
export function useCreateRollout(environment: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateRolloutBody, { client }) => callEndpoint(client, rolloutsApi.create, { query: { environment }, body }),
    onSuccess: (created) => storeSavedRollout(queryClient, created),
  });
}
