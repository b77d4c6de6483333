import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { Experiment } from '../../../../shared/contract/experiments';
import { apiRequest } from '../../../lib/api-client';
import { experimentsKeys, type ExperimentFilters } from './experiments-keys';

/** The experiments that run in `environment`. */
export function experimentsQueryOptions(environment: string, filters: ExperimentFilters) {
  const params = new URLSearchParams({ environment });
  if (filters.search) params.set('search', filters.search);
  if (filters.status) params.set('status', filters.status);
  const query = params.toString();
  return queryOptions({
    queryKey: experimentsKeys.list(environment, filters),
    queryFn: ({ client, signal }) => apiRequest<{ items: Experiment[] }>(client, `/api/experiments?${query}`, { signal }),
    select: (data) => data.items,
    // Typing in the search box keeps the last rows on screen instead of flashing skeletons.
    placeholderData: keepPreviousData,
  });
}
