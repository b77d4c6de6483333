import { useMutation, useQueryClient } from '@tanstack/react-query';
import { experimentsApi } from '../../../../shared/contract/endpoints/experiments';
import type { CreateExperimentBody } from '../../../../shared/contract/experiments';
import { callEndpoint } from '../../../lib/call-endpoint';
import { storeSavedExperiment } from './get-experiment';

/** Saves a new experiment as a draft. */
export function useCreateExperiment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateExperimentBody, { client }) => callEndpoint(client, experimentsApi.create, { body }),
    onSuccess: (saved) => storeSavedExperiment(queryClient, saved),
  });
}
