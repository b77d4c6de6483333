import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { UpdateMetricBody } from '../../../../shared/contract/metrics';
import { callEndpoint } from '../../../lib/call-endpoint';
import { metricsApi } from '../../../../shared/contract/endpoints/metrics';
import { metricsKeys } from './metrics-keys';

/**
 * Saves changes to a metric, or archives / restores it (`archived`). The server answers 409 when
 * `expectedVersion` is stale, or when archiving a metric a live experiment measures.
 */
export function useUpdateMetric() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateMetricBody }, { client }) =>
      callEndpoint(client, metricsApi.update, { params: { id }, body }),
    // The warnings (live experiments it re-measures) are for the person saving, not the cache.
    onSuccess: ({ warnings: _warnings, ...metric }) => {
      queryClient.setQueryData(metricsKeys.detail(metric.id), metric);
      void queryClient.invalidateQueries({ queryKey: ['usage'] });
      return queryClient.invalidateQueries({ queryKey: metricsKeys.lists() });
    },
  });
}
