import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Experiment, ExperimentAction } from '../../../../shared/contract/experiments';
import { apiRequest } from '../../../lib/api-client';
import { isApiError } from '../../../lib/api-error';
import { experimentsKeys } from './experiments-keys';
import { storeSavedExperiment } from './get-experiment';

export interface TransitionVariables {
  action: ExperimentAction;
  expectedVersion: number;
}

/** Schedule, start, pause, resume, complete or archive; the server checks the lifecycle. */
export function useTransitionExperiment(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TransitionVariables, { client }) =>
      apiRequest<Experiment>(client, `/api/experiments/${encodeURIComponent(id)}/transitions`, { method: 'POST', body }),
    onSuccess: (saved) => storeSavedExperiment(queryClient, saved),
    onError: (error) => {
      // Not allowed from the status shown, or stale: what is on screen is out of date.
      if (isApiError(error) && error.status === 409) return queryClient.invalidateQueries({ queryKey: experimentsKeys.detail(id) });
    },
  });
}
