import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { experimentsApi } from '../../../../shared/contract/endpoints/experiments';
import { callEndpoint } from '../../../lib/call-endpoint';
import { experimentsKeys, type ExperimentFilters } from './experiments-keys';

/** The experiments that run in `environment`. */
export function experimentsQueryOptions(environment: string, filters: ExperimentFilters) {
  return queryOptions({
    queryKey: experimentsKeys.list(environment, filters),
    // An empty search or status is left out of the query (endpointUrl drops empty values).
    queryFn: ({ client, signal }) => callEndpoint(client, experimentsApi.list, { query: { environment, search: filters.search, status: filters.status }, signal }),
    select: (data) => data.items,
    // Typing in the search box keeps the last rows on screen instead of flashing skeletons.
    placeholderData: keepPreviousData,
  });
}
