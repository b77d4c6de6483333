import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { Reach, SegmentDefinition } from '../../../../shared/contract/segments';
import { apiRequest } from '../../../lib/api-client';
import { segmentsKeys } from './segments-keys';
import { withEnvironment } from '../../../lib/environments';

/** How many known users of `environment` (seen in the last 30 days) a definition matches; keeps the last figure while recomputing. */
export function reachQueryOptions(environment: string, definition: SegmentDefinition | null) {
  return queryOptions({
    queryKey: segmentsKeys.reach(environment, definition),
    queryFn: ({ client, signal }) => apiRequest<Reach>(client, withEnvironment('/api/segments/reach', environment), { method: 'POST', body: { definition }, signal }),
    enabled: definition !== null,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}
