import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { experimentsApi } from '../../../../shared/contract/endpoints/experiments';
import type { Experiment } from '../../../../shared/contract/experiments';
import { callEndpoint } from '../../../lib/call-endpoint';
import { experimentsKeys } from './experiments-keys';

export function experimentQueryOptions(id: string) {
  return queryOptions({
    queryKey: experimentsKeys.detail(id),
    queryFn: ({ client, signal }) => callEndpoint(client, experimentsApi.get, { params: { id }, signal }),
  });
}

/** Puts a saved experiment in the cache and refreshes the lists (and the review, which depends on it). */
export function storeSavedExperiment(queryClient: QueryClient, saved: Experiment) {
  queryClient.setQueryData(experimentsKeys.detail(saved.id), saved);
  return queryClient.invalidateQueries({ queryKey: experimentsKeys.all, predicate: (query) => query.queryKey[1] !== 'detail' });
}
