import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Parameter } from '../../../../shared/contract/parameters';
import { apiRequest } from '../../../lib/api-client';
import { storeSavedParameter, withConflictDetection } from './update-parameter';
import { withEnvironment } from '../../../lib/environments';

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
        apiRequest<Parameter>(client, withEnvironment(`/api/parameters/${encodeURIComponent(id)}/restore`, environment), { method: 'POST', body: { version, expectedVersion } }),
      ),
    onSuccess: (saved) => storeSavedParameter(queryClient, environment, saved),
  });
}
