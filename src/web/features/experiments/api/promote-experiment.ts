import { useMutation, useQueryClient } from '@tanstack/react-query';
import { experimentsApi } from '../../../../shared/contract/endpoints/experiments';
import type { EndpointBody } from '../../../../shared/contract/endpoint';
import type { PromoteBody } from '../../../../shared/contract/experiments';
import { callEndpoint } from '../../../lib/call-endpoint';
import { storeSavedExperiment } from './get-experiment';

/** dryRun true: what would change (nothing is written); dryRun false: writes the rules. */
export function usePromoteExperiment(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PromoteBody, { client }) => callEndpoint(client, experimentsApi.promote, { params: { id }, body }),
    onSuccess: (plan) => {
      if (!plan.dryRun) return Promise.all([storeSavedExperiment(queryClient, plan.experiment), queryClient.invalidateQueries({ queryKey: ['parameters'] })]);
    },
  });
}

/** Takes the promoted rules out again. */
export function useUndoPromotion(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: EndpointBody<typeof experimentsApi.undoPromotion>, { client }) => callEndpoint(client, experimentsApi.undoPromotion, { params: { id }, body }),
    onSuccess: (saved) => Promise.all([storeSavedExperiment(queryClient, saved), queryClient.invalidateQueries({ queryKey: ['parameters'] })]),
  });
}
