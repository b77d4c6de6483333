import { createRoute } from '@hono/zod-openapi';
import { auditPageSchema, listAuditQuerySchema } from '../../../shared/contract/audit';
import { requireRole } from '../../http/auth-middleware';
import { createRouter, errorResponses, jsonContent } from '../../http/openapi';
import { listAudit } from './audit-service';

export function auditRoutes() {
  return createRouter().openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['Audit log'],
      summary: 'Every change, newest first, filtered by object, person and date',
      middleware: [requireRole('viewer')] as const,
      request: { query: listAuditQuerySchema },
      responses: { 200: jsonContent(auditPageSchema, 'One page of entries'), ...errorResponses },
    }),
    async (c) => c.json(await listAudit(c.get('services'), c.req.valid('query')), 200),
  );
}
