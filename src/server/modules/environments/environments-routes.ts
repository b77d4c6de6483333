import type { Context } from 'hono';
import { environmentsApi } from '../../../shared/contract/endpoints/environments';
import { principalOf, requireRole } from '../../http/auth-middleware';
import type { AppEnv } from '../../http/env';
import { endpointRoutes } from '../../http/endpoint-route';
import { createRouter, errorResponses } from '../../http/openapi';
import { actorOf } from '../audit/audit-service';
import * as environments from './environments-service';

const route = endpointRoutes('/api/environments', { tags: ['Environments'] });
const actor = async (c: Context<AppEnv>) => actorOf(c.get('services').store, principalOf(c));
const conflictResponse = { 409: { ...errorResponses[400], description: 'Stale version, a taken key, or an environment that cannot be archived yet' } };

export function environmentsRoutes() {
  return createRouter()
    .openapi(
      route(environmentsApi.list, {
        summary: 'Every environment (archived ones too), in switcher order',
        middleware: [requireRole('viewer')] as const,
        responseDescription: 'Environments',
        responses: { ...errorResponses },
      }),
      async (c) => c.json({ items: await environments.listEnvironments(c.get('services')) }, 200),
    )
    .openapi(
      route(environmentsApi.create, {
        summary: "Add an environment: every parameter starts with Production's values",
        middleware: [requireRole('admin')] as const,
        responseDescription: 'Created',
        responses: { ...errorResponses, ...conflictResponse },
      }),
      async (c) => c.json(await environments.createEnvironment(c.get('services'), c.req.valid('json'), await actor(c)), 201),
    )
    .openapi(
      route(environmentsApi.reorder, {
        summary: 'Reorder the active environments',
        middleware: [requireRole('admin')] as const,
        responseDescription: 'Environments in the new order',
        responses: { ...errorResponses },
      }),
      async (c) => c.json({ items: await environments.reorderEnvironments(c.get('services'), c.req.valid('json').ids, await actor(c)) }, 200),
    )
    .openapi(
      route(environmentsApi.update, {
        summary: 'Rename, recolour, archive or unarchive an environment',
        middleware: [requireRole('admin')] as const,
        responseDescription: 'Saved',
        responses: { ...errorResponses, ...conflictResponse },
      }),
      async (c) => c.json(await environments.updateEnvironment(c.get('services'), c.req.valid('param').id, c.req.valid('json'), await actor(c)), 200),
    );
}
