import { infiniteQueryOptions } from '@tanstack/react-query';
import type { ListAuditQuery } from '../../../../shared/contract/audit';
import { callEndpoint } from '../../../lib/call-endpoint';
import { auditApi } from '../../../../shared/contract/endpoints/audit';
import { auditKeys } from './audit-keys';

export type AuditFilters = Omit<ListAuditQuery, 'cursor' | 'limit'>;

/** The audit log, newest first, one page per "Load more" (cursor from the previous page). */
export function auditQueryOptions(filters: AuditFilters, limit = 50) {
  return infiniteQueryOptions({
    queryKey: auditKeys.list({ ...filters, limit }),
    queryFn: ({ client, signal, pageParam }) => {
      return callEndpoint(client, auditApi.list, { query: { ...filters, limit, cursor: pageParam || undefined }, signal });
    },
    initialPageParam: '',
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}
