import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Experiment, UpdateExperimentBody } from '../../../../shared/contract/experiments';
import { apiRequest } from '../../../lib/api-client';
import { isApiError } from '../../../lib/api-error';
import { storeSavedExperiment } from './get-experiment';

/** A save based on a stale version: `current` is the experiment as someone else saved it. */
export class ExperimentConflictError extends Error {
  override readonly name = 'ExperimentConflictError';
  constructor(readonly current: Experiment) {
    super('Someone else changed this experiment');
  }
}

export function isExperimentConflict(error: unknown): error is ExperimentConflictError {
  return error instanceof ExperimentConflictError;
}

export interface SaveResult {
  experiment: Experiment;
  /** E.g. a weight change on a running experiment mixes populations: saved, but worth knowing. */
  warnings: string[];
}

/** Saves the changed fields; on 409 fetches the saved version so the person can choose whose stays. */
export function useUpdateExperiment(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (changes: UpdateExperimentBody, { client }) => {
      const path = `/api/experiments/${encodeURIComponent(id)}`;
      try {
        return await apiRequest<SaveResult>(client, path, { method: 'PATCH', body: changes });
      } catch (error) {
        if (!isApiError(error) || error.status !== 409) throw error;
        throw new ExperimentConflictError(await apiRequest<Experiment>(client, path));
      }
    },
    onSuccess: (result) => storeSavedExperiment(queryClient, result.experiment),
  });
}
