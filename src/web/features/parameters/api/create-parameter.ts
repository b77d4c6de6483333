import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateParameterBody, Parameter } from '../../../../shared/contract/parameters';
import { apiRequest } from '../../../lib/api-client';
import { parametersKeys } from './parameters-keys';

export function useCreateParameter() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateParameterBody, { client }) => apiRequest<Parameter>(client, '/api/parameters', { method: 'POST', body }),
    onSuccess: (created) => {
      queryClient.setQueryData(parametersKeys.detail(created.id), created);
      return queryClient.invalidateQueries({ queryKey: parametersKeys.all, predicate: (query) => query.queryKey[1] !== 'detail' });
    },
  });
}
