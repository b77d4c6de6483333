import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateSdkKeyBody } from '../../../../shared/contract/sdk-keys';
import { callEndpoint } from '../../../lib/call-endpoint';
import { sdkKeysApi } from '../../../../shared/contract/endpoints/sdk-keys';
import { sdkKeysKeys } from './sdk-keys-keys';

/** Creates an SDK key; the answer is the only place its secret ever appears. */
export function useCreateSdkKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateSdkKeyBody, { client }) => callEndpoint(client, sdkKeysApi.create, { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sdkKeysKeys.all }),
  });
}
