import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Metric, UpdateMetricBody } from '../../../../shared/contract/metrics';
import { apiRequest } from '../../../lib/api-client';
import { metricsKeys } from './metrics-keys';

/**
 * Saves changes to a metric, or archives / restores it (`archived`). The server answers 409 when
 * `expectedVersion` is stale, or when archiving a metric a live experiment measures.
 */
export function useUpdateMetric() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateMetricBody }, { client }) =>
      apiRequest<Metric>(client, `/api/metrics/${encodeURIComponent(id)}`, { method: 'PATCH', body }),
    onSuccess: (metric) => {
      queryClient.setQueryData(metricsKeys.detail(metric.id), metric);
      return queryClient.invalidateQueries({ queryKey: metricsKeys.lists() });
    },
  });
}
