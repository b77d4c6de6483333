import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { ComparisonList, EnvironmentField } from '../../../../shared/contract/environments';
import type { Parameter } from '../../../../shared/contract/parameters';
import { apiRequest } from '../../../lib/api-client';
import { environmentsKeys } from './environments-keys';

/** Each parameter's per-environment settings in `from` and `to`, with the fields that differ. */
export function comparisonQueryOptions(from: string, to: string, differentOnly = true) {
  const params = new URLSearchParams({ from, to, differentOnly: String(differentOnly) });
  return queryOptions({
    queryKey: environmentsKeys.compare(from, to, differentOnly),
    queryFn: ({ client, signal }) => apiRequest<ComparisonList>(client, `/api/parameters/compare?${params.toString()}`, { signal }),
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
      apiRequest<Parameter>(client, `/api/parameters/${encodeURIComponent(parameterId)}/copy`, { method: 'POST', body }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['parameters'] }),
  });
}
