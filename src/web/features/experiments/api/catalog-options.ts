import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { metricsApi } from '../../../../shared/contract/endpoints/metrics';
import { parametersApi } from '../../../../shared/contract/endpoints/parameters';
import type { CreateParameterBody } from '../../../../shared/contract/parameters';
import { callEndpoint } from '../../../lib/call-endpoint';

// What the experiment editor picks from: parameters to override and metrics to measure. The keys
// sit under the parameters' and metrics' own prefixes, so their pages' changes refresh these too.

/** Up to 20 active parameters whose key or name matches `search`, as `environment` sees them. */
export function parameterSearchQueryOptions(environment: string, search: string) {
  return queryOptions({
    queryKey: ['parameters', 'experiment-options', environment, search] as const,
    queryFn: ({ client, signal }) => callEndpoint(client, parametersApi.list, { query: { limit: 20, sort: 'key', environment, search: search || undefined }, signal }),
    select: (page) => page.items,
    placeholderData: keepPreviousData,
  });
}

/** One parameter by key (the API accepts a key or an id), for its type and its default value in `environment`. */
export function parameterByKeyQueryOptions(environment: string, key: string) {
  return queryOptions({
    queryKey: ['parameters', 'detail', environment, key] as const,
    queryFn: ({ client, signal }) => callEndpoint(client, parametersApi.get, { params: { id: key }, query: { environment }, signal }),
    staleTime: 30_000,
  });
}

/** Active metrics from the catalog. */
export function metricOptionsQueryOptions() {
  return queryOptions({
    queryKey: ['metrics', 'experiment-options'] as const,
    queryFn: ({ client, signal }) => callEndpoint(client, metricsApi.list, { signal }),
    select: (data) => data.items,
    staleTime: 30_000,
  });
}

/** "Create a parameter inline" from the variants step. */
export function useCreateParameterInline(environment: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateParameterBody, { client }) => callEndpoint(client, parametersApi.create, { query: { environment }, body }),
    onSuccess: (created) => {
      queryClient.setQueryData(['parameters', 'detail', environment, created.key], created);
      return queryClient.invalidateQueries({ queryKey: ['parameters'], predicate: (query) => query.queryKey[1] !== 'detail' });
    },
  });
}
