import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { bulkParametersBodySchema } from '../../../../shared/contract/parameters';
import { apiRequest } from '../../../lib/api-client';
import { parametersKeys } from './parameters-keys';
import { withEnvironment } from '../../../lib/environments';

export type BulkParametersBody = z.input<typeof bulkParametersBodySchema>;
export type BulkAction = BulkParametersBody['action'];

/** Archives, unarchives, tags or untags several parameters at once. */
export function useBulkUpdateParameters(environment: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BulkParametersBody, { client }) => apiRequest<{ updated: number }>(client, withEnvironment('/api/parameters/bulk', environment), { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: parametersKeys.all }),
  });
}
