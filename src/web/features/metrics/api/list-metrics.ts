import { queryOptions } from '@tanstack/react-query';
import type { Metric } from '../../../../shared/contract/metrics';
import { apiRequest } from '../../../lib/api-client';
import { metricsKeys } from './metrics-keys';

/** Active metrics, or archived ones, sorted by name (the server's order). */
export function metricsQueryOptions(archived = false) {
  return queryOptions({
    queryKey: metricsKeys.list(archived),
    queryFn: ({ client, signal }) => apiRequest<{ items: Metric[] }>(client, `/api/metrics?archived=${archived}`, { signal }),
    select: (data) => data.items,
  });
}
