import { queryOptions } from '@tanstack/react-query';
import { callEndpoint } from '../../../lib/call-endpoint';
import { metricsApi } from '../../../../shared/contract/endpoints/metrics';

/** The metrics catalog, to choose guardrails from (under the metrics' prefix, so their page's changes refresh it). */
export function guardrailOptionsQueryOptions() {
  return queryOptions({
    queryKey: ['metrics', 'rollout-options'] as const,
    queryFn: ({ client, signal }) => callEndpoint(client, metricsApi.list, { signal }),
    select: (data) => data.items.filter((metric) => metric.archivedAt === null),
    staleTime: 30_000,
  });
}
