import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { observedAttributeSchema } from '../../../../shared/contract/segments';
import { apiRequest } from '../../../lib/api-client';
import { segmentsKeys } from './segments-keys';

export type ObservedAttribute = z.infer<typeof observedAttributeSchema>;

/** Attributes apps actually sent, with the kinds seen, plus the declared ones. */
export function attributesQueryOptions() {
  return queryOptions({
    queryKey: segmentsKeys.attributes(),
    queryFn: ({ client, signal }) => apiRequest<{ items: ObservedAttribute[] }>(client, '/api/attributes', { signal }),
    select: (data) => data.items,
    staleTime: 60_000,
  });
}
