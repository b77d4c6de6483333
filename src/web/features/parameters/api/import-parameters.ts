import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ImportResult, Manifest } from '../../../../shared/contract/parameters';
import { apiRequest } from '../../../lib/api-client';
import { parametersKeys } from './parameters-keys';
import { withEnvironment } from '../../../lib/environments';

export interface ImportParametersVariables {
  manifest: Manifest;
  dryRun: boolean;
}

/** Plans (dryRun) or applies a manifest. */
export function useImportParameters(environment: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ImportParametersVariables, { client }) =>
      apiRequest<ImportResult>(client, withEnvironment('/api/parameters/import', environment), { method: 'POST', body }),
    onSuccess: (result) => (result.applied ? queryClient.invalidateQueries({ queryKey: parametersKeys.all }) : undefined),
  });
}
