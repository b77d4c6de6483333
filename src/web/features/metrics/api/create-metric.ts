import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateMetricBody, Metric } from '../../../../shared/contract/metrics';
import { apiRequest } from '../../../lib/api-client';
import { metricsKeys } from './metrics-keys';

/** Creates a metric; 409 with a field error on `key` when the key is taken. */
export function useCreateMetric() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateMetricBody, { client }) => apiRequest<Metric>(client, '/api/metrics', { method: 'POST', body }),
    onSuccess: (metric) => {
      queryClient.setQueryData(metricsKeys.detail(metric.id), metric);
      return queryClient.invalidateQueries({ queryKey: metricsKeys.lists() });
    },
  });
}
