import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { EnvironmentField } from '../../../../shared/contract/environments';
import { parametersApi } from '../../../../shared/contract/endpoints/parameters';
import { callEndpoint } from '../../../lib/call-endpoint';
import { environmentsKeys } from './environments-keys';

/** Each parameter's per-environment settings in `from` and `to`, with the fields that differ. */
export function comparisonQueryOptions(from: string, to: string, differentOnly = true) {
  return queryOptions({
    queryKey: environmentsKeys.compare(from, to, differentOnly),
    queryFn: ({ client, signal }) => callEndpoint(client, parametersApi.compare, { query: { from, to, differentOnly: differentOnly ? 'true' : 'false' }, signal }),
    enabled: from !== '' && to !== '' && from !== to,
    staleTime: 0,
  });
}

export interface CopyVariables {
  parameterId: string;
  from: string;
  to: string;
  fields: EnvironmentField[];
  /** The target environment's version the person saw: a copy never overwrites a change they did not see. */
  expectedVersion: number;
}

/** Copies the chosen fields of one parameter into another environment (a normal save there; 409 when stale). */
export function useCopyParameter() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ parameterId, ...body }: CopyVariables, { client }) =>
      callEndpoint(client, parametersApi.copy, { params: { id: parameterId }, body }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['parameters'] }),
  });
}
