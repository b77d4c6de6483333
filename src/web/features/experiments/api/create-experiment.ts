import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateExperimentBody, Experiment } from '../../../../shared/contract/experiments';
import { apiRequest } from '../../../lib/api-client';
import { storeSavedExperiment } from './get-experiment';

/** Saves a new experiment as a draft. */
export function useCreateExperiment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateExperimentBody, { client }) => apiRequest<Experiment>(client, '/api/experiments', { method: 'POST', body }),
    onSuccess: (saved) => storeSavedExperiment(queryClient, saved),
  });
}
