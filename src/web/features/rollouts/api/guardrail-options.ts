import { queryOptions } from '@tanstack/react-query';
import type { Metric } from '../../../../shared/contract/metrics';
import { apiRequest } from '../../../lib/api-client';

/** The metrics catalog, to choose guardrails from (under the metrics' prefix, so their page's changes refresh it). */
export function guardrailOptionsQueryOptions() {
  return queryOptions({
    queryKey: ['metrics', 'rollout-options'] as const,
    queryFn: ({ client, signal }) => apiRequest<{ items: Metric[] }>(client, '/api/metrics', { signal }),
    select: (data) => data.items.filter((metric) => metric.archivedAt === null),
    staleTime: 30_000,
  });
}
