import { auditPageSchema, listAuditQuerySchema } from '../audit';
import { defineEndpoint } from '../endpoint';

/** /api/audit: every change, newest first. */
export const auditApi = {
  list: defineEndpoint({ method: 'GET', path: '/api/audit', query: listAuditQuerySchema, response: auditPageSchema }),
};
