import { useMutation } from '@tanstack/react-query';
import type { Manifest } from '../../../../shared/contract/parameters';
import { apiRequest } from '../../../lib/api-client';
import { withEnvironment } from '../../../lib/environments';

/** Fetches the manifest of every active parameter with `environment`'s defaults (a one-off download, so a mutation rather than a cached query). */
export function useExportParameters(environment: string) {
  return useMutation({
    mutationFn: (_: void, { client }) => apiRequest<Manifest>(client, withEnvironment('/api/parameters/export', environment)),
  });
}
