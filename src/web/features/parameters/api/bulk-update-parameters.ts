import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { bulkParametersBodySchema } from '../../../../shared/contract/parameters';
import { apiRequest } from '../../../lib/api-client';
import { parametersKeys } from './parameters-keys';

export type BulkParametersBody = z.input<typeof bulkParametersBodySchema>;
export type BulkAction = BulkParametersBody['action'];

/** Archives, unarchives, tags or untags several parameters at once. */
export function useBulkUpdateParameters() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BulkParametersBody, { client }) => apiRequest<{ updated: number }>(client, '/api/parameters/bulk', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: parametersKeys.all }),
  });
}
