import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { bulkParametersBodySchema } from '../../../../shared/contract/parameters';
import { callEndpoint } from '../../../lib/call-endpoint';
import { parametersApi } from '../../../../shared/contract/endpoints/parameters';
import { parametersKeys } from './parameters-keys';

export type BulkParametersBody = z.input<typeof bulkParametersBodySchema>;
export type BulkAction = BulkParametersBody['action'];

/** Archives, unarchives, tags or untags several parameters at once. */
export function useBulkUpdateParameters(environment: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BulkParametersBody, { client }) => callEndpoint(client, parametersApi.bulk, { query: { environment }, body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: parametersKeys.all }),
  });
}
