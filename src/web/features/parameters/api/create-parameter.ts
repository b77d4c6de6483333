import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateParameterBody } from '../../../../shared/contract/parameters';
import { callEndpoint } from '../../../lib/call-endpoint';
import { parametersApi } from '../../../../shared/contract/endpoints/parameters';
import { parametersKeys } from './parameters-keys';

/** Creates a parameter: every environment gets the default value; rules only in `environment`. */
export function useCreateParameter(environment: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateParameterBody, { client }) => callEndpoint(client, parametersApi.create, { query: { environment }, body }),
    onSuccess: (created) => {
      queryClient.setQueryData(parametersKeys.detail(environment, created.id), created);
      return queryClient.invalidateQueries({ queryKey: parametersKeys.all, predicate: (query) => query.queryKey[1] !== 'detail' });
    },
  });
}
