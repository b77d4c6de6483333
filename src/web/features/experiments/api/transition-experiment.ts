import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { EndpointBody } from '../../../../shared/contract/endpoint';
import { experimentsApi } from '../../../../shared/contract/endpoints/experiments';
import { callEndpoint } from '../../../lib/call-endpoint';
import { isApiError } from '../../../lib/api-error';
import { experimentsKeys } from './experiments-keys';
import { storeSavedExperiment } from './get-experiment';

export type TransitionVariables = EndpointBody<typeof experimentsApi.transition>;

/** Schedule, start, pause, resume, complete or archive; the server checks the lifecycle. */
export function useTransitionExperiment(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TransitionVariables, { client }) => callEndpoint(client, experimentsApi.transition, { params: { id }, body }),
    onSuccess: (saved) => storeSavedExperiment(queryClient, saved),
    onError: (error) => {
      // Not allowed from the status shown, or stale: what is on screen is out of date.
      if (isApiError(error) && error.status === 409) return queryClient.invalidateQueries({ queryKey: experimentsKeys.detail(id) });
    },
  });
}
