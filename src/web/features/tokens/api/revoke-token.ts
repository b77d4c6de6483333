import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ApiToken } from '../../../../shared/contract/tokens';
import { apiRequest } from '../../../lib/api-client';
import { tokensKeys } from './tokens-keys';

/** Revokes a token: every later call with it is refused. */
export function useRevokeToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string, { client }) => apiRequest<ApiToken>(client, `/api/tokens/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokensKeys.all }),
  });
}
