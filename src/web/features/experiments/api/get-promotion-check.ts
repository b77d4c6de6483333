import { queryOptions } from '@tanstack/react-query';
import type { PromotionCheck } from '../../../../shared/contract/experiments';
import { apiRequest } from '../../../lib/api-client';
import { experimentsKeys } from './experiments-keys';

/** Per variant: the primary and guardrail verdicts, the risks of promoting it and the phrase that accepts them. */
export function promotionCheckQueryOptions(id: string, version: number) {
  return queryOptions({
    queryKey: [...experimentsKeys.all, 'promotion-check', id, version] as const,
    queryFn: ({ client, signal }) => apiRequest<PromotionCheck>(client, `/api/experiments/${encodeURIComponent(id)}/promotion-check`, { signal }),
  });
}
