import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateApiTokenBody } from '../../../../shared/contract/tokens';
import { callEndpoint } from '../../../lib/call-endpoint';
import { tokensApi } from '../../../../shared/contract/endpoints/tokens';
import { tokensKeys } from './tokens-keys';

/** Creates an API token; the answer is the only place its secret ever appears. */
export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateApiTokenBody, { client }) => callEndpoint(client, tokensApi.create, { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokensKeys.all }),
  });
}
