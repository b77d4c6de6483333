import { useMutation } from '@tanstack/react-query';
import type { Manifest } from '../../../../shared/contract/parameters';
import { apiRequest } from '../../../lib/api-client';

/** Fetches the manifest of every active parameter (a one-off download, so a mutation rather than a cached query). */
export function useExportParameters() {
  return useMutation({
    mutationFn: (_: void, { client }) => apiRequest<Manifest>(client, '/api/parameters/export'),
  });
}
