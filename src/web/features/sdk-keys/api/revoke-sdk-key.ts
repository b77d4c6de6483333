import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SdkKey } from '../../../../shared/contract/sdk-keys';
import { apiRequest } from '../../../lib/api-client';
import { sdkKeysKeys } from './sdk-keys-keys';

/** Revokes an SDK key: apps using it are refused at once. */
export function useRevokeSdkKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string, { client }) => apiRequest<SdkKey>(client, `/api/sdk-keys/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sdkKeysKeys.all }),
  });
}
