import { infiniteQueryOptions } from '@tanstack/react-query';
import type { AuditPage, ListAuditQuery } from '../../../../shared/contract/audit';
import { apiRequest } from '../../../lib/api-client';
import { auditKeys } from './audit-keys';

export type AuditFilters = Omit<ListAuditQuery, 'cursor' | 'limit'>;

/** The audit log, newest first, one page per "Load more" (cursor from the previous page). */
export function auditQueryOptions(filters: AuditFilters, limit = 50) {
  return infiniteQueryOptions({
    queryKey: auditKeys.list({ ...filters, limit }),
    queryFn: ({ client, signal, pageParam }) => {
      const query = new URLSearchParams({ limit: String(limit) });
      for (const [name, value] of Object.entries(filters)) if (value) query.set(name, String(value));
      if (pageParam) query.set('cursor', pageParam);
      return apiRequest<AuditPage>(client, `/api/audit?${query.toString()}`, { signal });
    },
    initialPageParam: '',
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}
