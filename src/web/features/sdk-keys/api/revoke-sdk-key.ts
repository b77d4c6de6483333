import { useMutation, useQueryClient } from '@tanstack/react-query';
import { callEndpoint } from '../../../lib/call-endpoint';
import { sdkKeysApi } from '../../../../shared/contract/endpoints/sdk-keys';
import { sdkKeysKeys } from './sdk-keys-keys';

/** Revokes an SDK key: apps using it are refused at once. */
export function useRevokeSdkKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string, { client }) => callEndpoint(client, sdkKeysApi.revoke, { params: { id } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sdkKeysKeys.all }),
  });
}
