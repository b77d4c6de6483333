import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateMetricBody } from '../../../../shared/contract/metrics';
import { callEndpoint } from '../../../lib/call-endpoint';
import { metricsApi } from '../../../../shared/contract/endpoints/metrics';
import { metricsKeys } from './metrics-keys';

/** Creates a metric; 409 with a field error on `key` when the key is taken. */
export function useCreateMetric() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateMetricBody, { client }) => callEndpoint(client, metricsApi.create, { body }),
    onSuccess: (metric) => {
      queryClient.setQueryData(metricsKeys.detail(metric.id), metric);
      return queryClient.invalidateQueries({ queryKey: metricsKeys.lists() });
    },
  });
}
