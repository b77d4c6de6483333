import { queryOptions } from '@tanstack/react-query';
import type { Segment } from '../../../../shared/contract/segments';
import { apiRequest } from '../../../lib/api-client';
import { segmentsKeys } from './segments-keys';

export function segmentsQueryOptions(archived = false) {
  return queryOptions({
    queryKey: segmentsKeys.list(archived),
    queryFn: ({ client, signal }) => apiRequest<{ items: Segment[] }>(client, `/api/segments?archived=${archived}`, { signal }),
    select: (data) => data.items,
  });
}
