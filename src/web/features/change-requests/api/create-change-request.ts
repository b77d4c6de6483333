import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ChangeRequest, CreateChangeRequestBody } from '../../../../shared/contract/change-requests';
import { apiRequest } from '../../../lib/api-client';
import { storeChangeRequest } from './change-request-actions';

export function useCreateChangeRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateChangeRequestBody, { client }) => apiRequest<ChangeRequest>(client, '/api/change-requests', { method: 'POST', body }),
    onSuccess: (saved) => storeChangeRequest(queryClient, saved),
  });
}
