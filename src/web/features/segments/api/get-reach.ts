import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { Reach, SegmentDefinition } from '../../../../shared/contract/segments';
import { apiRequest } from '../../../lib/api-client';
import { segmentsKeys } from './segments-keys';

/** How many known users (seen in the last 30 days) a definition matches; keeps the last figure while recomputing. */
export function reachQueryOptions(definition: SegmentDefinition | null) {
  return queryOptions({
    queryKey: segmentsKeys.reach(definition),
    queryFn: ({ client, signal }) => apiRequest<Reach>(client, '/api/segments/reach', { method: 'POST', body: { definition }, signal }),
    enabled: definition !== null,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}
