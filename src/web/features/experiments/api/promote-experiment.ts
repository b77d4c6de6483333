import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Experiment, PromoteBody, PromotionPlan } from '../../../../shared/contract/experiments';
import { apiRequest } from '../../../lib/api-client';
import { storeSavedExperiment } from './get-experiment';

/** dryRun true: what would change (nothing is written); dryRun false: writes the rules. */
export function usePromoteExperiment(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PromoteBody, { client }) =>
      apiRequest<PromotionPlan>(client, `/api/experiments/${encodeURIComponent(id)}/promote`, { method: 'POST', body }),
    onSuccess: (plan) => {
      if (!plan.dryRun) return Promise.all([storeSavedExperiment(queryClient, plan.experiment), queryClient.invalidateQueries({ queryKey: ['parameters'] })]);
    },
  });
}

/** Takes the promoted rules out again. */
export function useUndoPromotion(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { expectedVersion: number }, { client }) =>
      apiRequest<Experiment>(client, `/api/experiments/${encodeURIComponent(id)}/promotion/undo`, { method: 'POST', body }),
    onSuccess: (saved) => Promise.all([storeSavedExperiment(queryClient, saved), queryClient.invalidateQueries({ queryKey: ['parameters'] })]),
  });
}
