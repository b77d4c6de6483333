import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Manifest } from '../../../../shared/contract/parameters';
import { callEndpoint } from '../../../lib/call-endpoint';
import { parametersApi } from '../../../../shared/contract/endpoints/parameters';
import { parametersKeys } from './parameters-keys';

export interface ImportParametersVariables {
  manifest: Manifest;
  dryRun: boolean;
}

/** Plans (dryRun) or applies a manifest. */
export function useImportParameters(environment: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ImportParametersVariables, { client }) =>
      callEndpoint(client, parametersApi.importManifest, { query: { environment }, body }),
    onSuccess: (result) => (result.applied ? queryClient.invalidateQueries({ queryKey: parametersKeys.all }) : undefined),
  });
}
