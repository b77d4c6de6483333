import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { EndpointResponse } from '../../../../shared/contract/endpoint';
import { experimentsApi } from '../../../../shared/contract/endpoints/experiments';
import type { Experiment, UpdateExperimentBody } from '../../../../shared/contract/experiments';
import { callEndpoint } from '../../../lib/call-endpoint';
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

/** The saved experiment and its warnings (e.g. a weight change on a running experiment mixes populations: saved, but worth knowing). */
export type SaveResult = EndpointResponse<typeof experimentsApi.update>;

/** Saves the changed fields; on 409 fetches the saved version so the person can choose whose stays. */
export function useUpdateExperiment(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (changes: UpdateExperimentBody, { client }): Promise<SaveResult> => {
      try {
        return await callEndpoint(client, experimentsApi.update, { params: { id }, body: changes });
      } catch (error) {
        if (!isApiError(error) || error.status !== 409) throw error;
        throw new ExperimentConflictError(await callEndpoint(client, experimentsApi.get, { params: { id } }));
      }
    },
    onSuccess: (result) => storeSavedExperiment(queryClient, result.experiment),
  });
}
