import { queryOptions } from '@tanstack/react-query';
import type { Metric } from '../../../../shared/contract/metrics';
import { apiRequest } from '../../../lib/api-client';
import { metricsKeys } from './metrics-keys';

export function metricQueryOptions(id: string) {
  return queryOptions({
    queryKey: metricsKeys.detail(id),
    queryFn: ({ client, signal }) => apiRequest<Metric>(client, `/api/metrics/${encodeURIComponent(id)}`, { signal }),
  });
}
