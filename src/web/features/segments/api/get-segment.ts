import { queryOptions } from '@tanstack/react-query';
import type { Segment } from '../../../../shared/contract/segments';
import { apiRequest } from '../../../lib/api-client';
import { segmentsKeys } from './segments-keys';

export function segmentQueryOptions(id: string) {
  return queryOptions({
    queryKey: segmentsKeys.detail(id),
    queryFn: ({ client, signal }) => apiRequest<Segment>(client, `/api/segments/${encodeURIComponent(id)}`, { signal }),
  });
}
