import { queryOptions } from '@tanstack/react-query';
import { experimentsApi } from '../../../../shared/contract/endpoints/experiments';
import { callEndpoint } from '../../../lib/call-endpoint';
import { experimentsKeys } from './experiments-keys';

/** Per variant: the primary and guardrail verdicts, the risks of promoting it and the phrase that accepts them. */
export function promotionCheckQueryOptions(id: string, version: number) {
  return queryOptions({
    queryKey: [...experimentsKeys.all, 'promotion-check', id, version] as const,
    queryFn: ({ client, signal }) => callEndpoint(client, experimentsApi.promotionCheck, { params: { id }, signal }),
  });
}
