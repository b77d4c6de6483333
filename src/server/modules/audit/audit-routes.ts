import { auditApi } from '../../../shared/contract/endpoints/audit';
import { requireRole } from '../../http/auth-middleware';
import { endpointRoutes } from '../../http/endpoint-route';
import { createRouter, errorResponses } from '../../http/openapi';
import { listAudit } from './audit-service';

const route = endpointRoutes('/api/audit', { tags: ['Audit log'] });

export function auditRoutes() {
  return createRouter().openapi(
    route(auditApi.list, {
      summary: 'Every change, newest first, filtered by object, person and date',
      middleware: [requireRole('viewer')] as const,
      responseDescription: 'One page of entries',
      responses: errorResponses,
    }),
    async (c) => c.json(await listAudit(c.get('services'), c.req.valid('query')), 200),
  );
}
