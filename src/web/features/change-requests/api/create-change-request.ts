import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateChangeRequestBody } from '../../../../shared/contract/change-requests';
import { callEndpoint } from '../../../lib/call-endpoint';
import { changeRequestsApi } from '../../../../shared/contract/endpoints/change-requests';
import { storeChangeRequest } from './change-request-actions';

export function useCreateChangeRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateChangeRequestBody, { client }) => callEndpoint(client, changeRequestsApi.create, { body }),
    onSuccess: (saved) => storeChangeRequest(queryClient, saved),
  });
}
