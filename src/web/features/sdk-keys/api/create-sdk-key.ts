import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateSdkKeyBody, CreatedSdkKey } from '../../../../shared/contract/sdk-keys';
import { apiRequest } from '../../../lib/api-client';
import { sdkKeysKeys } from './sdk-keys-keys';

/** Creates an SDK key; the answer is the only place its secret ever appears. */
export function useCreateSdkKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateSdkKeyBody, { client }) => apiRequest<CreatedSdkKey>(client, '/api/sdk-keys', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sdkKeysKeys.all }),
  });
}
