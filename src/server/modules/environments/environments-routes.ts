import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { idParamsSchema } from '../../../shared/contract/common';
import {
  createEnvironmentBodySchema,
  environmentListSchema,
  environmentSchema,
  reorderEnvironmentsBodySchema,
  updateEnvironmentBodySchema,
} from '../../../shared/contract/environments';
import { principalOf, requireRole } from '../../http/auth-middleware';
import type { AppEnv } from '../../http/env';
import { createRouter, errorResponses, jsonBody, jsonContent } from '../../http/openapi';
import { actorOf } from '../audit/audit-service';
import * as environments from './environments-service';

const tags = ['Environments'];
const actor = async (c: Context<AppEnv>) => actorOf(c.get('services').store, principalOf(c));
const conflictResponse = { 409: { ...errorResponses[400], description: 'Stale version, a taken key, or an environment that cannot be archived yet' } };

export function environmentsRoutes() {
  return createRouter()
    .openapi(
      createRoute({
        method: 'get', path: '/', tags, summary: 'Every environment (archived ones too), in switcher order',
        middleware: [requireRole('viewer')] as const,
        responses: { 200: jsonContent(environmentListSchema, 'Environments'), ...errorResponses },
      }),
      async (c) => c.json({ items: await environments.listEnvironments(c.get('services')) }, 200),
    )
    .openapi(
      createRoute({
        method: 'post', path: '/', tags, summary: "Add an environment: every parameter starts with Production's values",
        middleware: [requireRole('admin')] as const,
        request: { body: jsonBody(createEnvironmentBodySchema) },
        responses: { 201: jsonContent(environmentSchema, 'Created'), ...errorResponses, ...conflictResponse },
      }),
      async (c) => c.json(await environments.createEnvironment(c.get('services'), c.req.valid('json'), await actor(c)), 201),
    )
    .openapi(
      createRoute({
        method: 'put', path: '/order', tags, summary: 'Reorder the active environments',
        middleware: [requireRole('admin')] as const,
        request: { body: jsonBody(reorderEnvironmentsBodySchema) },
        responses: { 200: jsonContent(environmentListSchema, 'Environments in the new order'), ...errorResponses },
      }),
      async (c) => c.json({ items: await environments.reorderEnvironments(c.get('services'), c.req.valid('json').ids, await actor(c)) }, 200),
    )
    .openapi(
      createRoute({
        method: 'patch', path: '/{id}', tags, summary: 'Rename, recolour, archive or unarchive an environment',
        middleware: [requireRole('admin')] as const,
        request: { params: idParamsSchema, body: jsonBody(updateEnvironmentBodySchema) },
        responses: { 200: jsonContent(environmentSchema, 'Saved'), ...errorResponses, ...conflictResponse },
      }),
      async (c) => c.json(await environments.updateEnvironment(c.get('services'), c.req.valid('param').id, c.req.valid('json'), await actor(c)), 200),
    );
}
