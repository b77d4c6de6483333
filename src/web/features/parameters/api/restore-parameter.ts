import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Parameter } from '../../../../shared/contract/parameters';
import { apiRequest } from '../../../lib/api-client';
import { storeSavedParameter, withConflictDetection } from './update-parameter';

export interface RestoreParameterVariables {
  id: string;
  version: number;
  expectedVersion: number;
}

/** Restores an old version as a new version. */
export function useRestoreParameter() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, expectedVersion }: RestoreParameterVariables, { client }) =>
      withConflictDetection(client, id, () =>
        apiRequest<Parameter>(client, `/api/parameters/${encodeURIComponent(id)}/restore`, { method: 'POST', body: { version, expectedVersion } }),
      ),
    onSuccess: (saved) => storeSavedParameter(queryClient, saved),
  });
}
