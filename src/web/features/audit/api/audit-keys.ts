import type { ListAuditQuery } from '../../../../shared/contract/audit';

export const auditKeys = {
  all: ['audit'] as const,
  list: (filters: Omit<ListAuditQuery, 'cursor'>) => [...auditKeys.all, 'list', filters] as const,
};
