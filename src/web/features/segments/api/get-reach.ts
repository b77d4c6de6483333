import { keepPreviousData, queryOptions, skipToken } from '@tanstack/react-query';
import type { SegmentDefinition } from '../../../../shared/contract/segments';
import { segmentsApi } from '../../../../shared/contract/endpoints/segments';
import { callEndpoint } from '../../../lib/call-endpoint';
import { segmentsKeys } from './segments-keys';

/** How many known users of `environment` (seen in the last 30 days) a definition matches; keeps the last figure while recomputing. */
export function reachQueryOptions(environment: string, definition: SegmentDefinition | null) {
  return queryOptions({
    queryKey: segmentsKeys.reach(environment, definition),
    // No definition yet: nothing to count (skipToken also keeps the query disabled).
    queryFn: definition === null ? skipToken : ({ client, signal }) => callEndpoint(client, segmentsApi.reach, { query: { environment }, body: { definition }, signal }),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}
