import { useMutation, useQueryClient } from '@tanstack/react-query';
import { callEndpoint } from '../../../lib/call-endpoint';
import { parametersApi } from '../../../../shared/contract/endpoints/parameters';
import { storeSavedParameter, withConflictDetection } from './update-parameter';

export interface RestoreParameterVariables {
  id: string;
  version: number;
  expectedVersion: number;
}

/** Restores an old version (of `environment`'s history) as a new version there. */
export function useRestoreParameter(environment: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, expectedVersion }: RestoreParameterVariables, { client }) =>
      withConflictDetection(client, environment, id, () =>
        callEndpoint(client, parametersApi.restore, { params: { id }, query: { environment }, body: { version, expectedVersion } }),
      ),
    onSuccess: (saved) => storeSavedParameter(queryClient, environment, saved),
  });
}
