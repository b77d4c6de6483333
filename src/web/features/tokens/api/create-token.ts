import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateApiTokenBody, CreatedApiToken } from '../../../../shared/contract/tokens';
import { apiRequest } from '../../../lib/api-client';
import { tokensKeys } from './tokens-keys';

/** Creates an API token; the answer is the only place its secret ever appears. */
export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateApiTokenBody, { client }) => apiRequest<CreatedApiToken>(client, '/api/tokens', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokensKeys.all }),
  });
}
