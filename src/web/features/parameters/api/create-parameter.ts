import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateParameterBody, Parameter } from '../../../../shared/contract/parameters';
import { apiRequest } from '../../../lib/api-client';
import { parametersKeys } from './parameters-keys';
import { withEnvironment } from '../../../lib/environments';

/** Creates a parameter: every environment gets the default value; rules only in `environment`. */
export function useCreateParameter(environment: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateParameterBody, { client }) => apiRequest<Parameter>(client, withEnvironment('/api/parameters', environment), { method: 'POST', body }),
    onSuccess: (created) => {
      queryClient.setQueryData(parametersKeys.detail(environment, created.id), created);
      return queryClient.invalidateQueries({ queryKey: parametersKeys.all, predicate: (query) => query.queryKey[1] !== 'detail' });
    },
  });
}
