import { useMutation } from '@tanstack/react-query';
import { callEndpoint } from '../../../lib/call-endpoint';
import { parametersApi } from '../../../../shared/contract/endpoints/parameters';

/** Fetches the manifest of every active parameter with `environment`'s defaults (a one-off download, so a mutation rather than a cached query). */
export function useExportParameters(environment: string) {
  return useMutation({
    mutationFn: (_: void, { client }) => callEndpoint(client, parametersApi.exportManifest, { query: { environment } }),
  });
}
