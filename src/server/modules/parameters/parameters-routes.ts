import { createRoute } from '@hono/zod-openapi';
import { usageSchema, withWarnings } from '../../../shared/contract/usage';
import { updateParameterWithWarnings } from '../usage/impact-writes';
import { parameterUsage } from '../usage/usage-service';
import { idParamsSchema } from '../../../shared/contract/common';
import {
  bulkParametersBodySchema,
  bulkResultSchema,
  createParameterBodySchema,
  importManifestBodySchema,
  importResultSchema,
  listParametersQuerySchema,
  manifestSchema,
  parameterPageSchema,
  parameterSchema,
  parameterVersionListSchema,
  requestedKeyListSchema,
  restoreParameterBodySchema,
  updateParameterBodySchema,
} from '../../../shared/contract/parameters';
import { principalOf, requireRole } from '../../http/auth-middleware';
import type { AppEnv } from '../../http/env';
import { createRouter, errorResponses, jsonBody, jsonContent } from '../../http/openapi';
import { actorOf } from '../audit/audit-service';
import { exportManifest, importManifest } from './manifest-service';
import * as parameters from './parameters-service';
import type { Context } from 'hono';

const tags = ['Parameters'];
const conflictResponse = { 409: { ...errorResponses[400], description: 'The parameter changed since `expectedVersion`: `current` holds it' } };
const actor = async (c: Context<AppEnv>) => actorOf(c.get('services').store, principalOf(c));

export function parametersRoutes() {
  return createRouter()
    .openapi(
      createRoute({
        method: 'get', path: '/', tags, summary: 'Search, filter and sort parameters (paged)',
        middleware: [requireRole('viewer')] as const,
        request: { query: listParametersQuerySchema },
        responses: { 200: jsonContent(parameterPageSchema, 'One page'), ...errorResponses },
      }),
      async (c) => c.json(await parameters.listParameters(c.get('services'), c.req.valid('query')), 200),
    )
    .openapi(
      createRoute({
        method: 'post', path: '/', tags, summary: 'Create a parameter',
        middleware: [requireRole('editor')] as const,
        request: { body: jsonBody(createParameterBodySchema) },
        responses: { 201: jsonContent(parameterSchema, 'Created'), ...errorResponses, ...conflictResponse },
      }),
      async (c) => c.json(await parameters.createParameter(c.get('services'), c.req.valid('json'), await actor(c)), 201),
    )
    .openapi(
      createRoute({
        method: 'get', path: '/export', tags, summary: 'Export every active parameter as a manifest (parameters as code)',
        middleware: [requireRole('viewer')] as const,
        responses: { 200: jsonContent(manifestSchema, 'Manifest'), ...errorResponses },
      }),
      async (c) => c.json(await exportManifest(c.get('services')), 200),
    )
    .openapi(
      createRoute({
        method: 'post', path: '/import', tags, summary: 'Plan (dryRun, the default) or apply a manifest; idempotent',
        middleware: [requireRole('editor')] as const,
        request: { body: jsonBody(importManifestBodySchema) },
        responses: { 200: jsonContent(importResultSchema, 'The plan, applied or not'), ...errorResponses },
      }),
      async (c) => c.json(await importManifest(c.get('services'), c.req.valid('json'), await actor(c)), 200),
    )
    .openapi(
      createRoute({
        method: 'get', path: '/requested', tags, summary: 'Keys apps asked for over OFREP that no parameter has',
        middleware: [requireRole('viewer')] as const,
        responses: { 200: jsonContent(requestedKeyListSchema, 'Requested keys'), ...errorResponses },
      }),
      async (c) => c.json({ items: await c.get('services').store.requestedKeys.list() }, 200),
    )
    .openapi(
      createRoute({
        method: 'post', path: '/bulk', tags, summary: 'Archive, unarchive, tag or untag several parameters',
        middleware: [requireRole('editor')] as const,
        request: { body: jsonBody(bulkParametersBodySchema) },
        responses: { 200: jsonContent(bulkResultSchema, 'How many changed'), ...errorResponses },
      }),
      async (c) => c.json({ updated: await parameters.bulkUpdate(c.get('services'), c.req.valid('json'), await actor(c)) }, 200),
    )
    .openapi(
      createRoute({
        method: 'get', path: '/{id}', tags, summary: 'One parameter, by id or key',
        middleware: [requireRole('viewer')] as const,
        request: { params: idParamsSchema },
        responses: { 200: jsonContent(parameterSchema, 'The parameter'), ...errorResponses, 404: errorResponses[400] },
      }),
      async (c) => c.json(await parameters.getParameter(c.get('services'), c.req.valid('param').id), 200),
    )
    .openapi(
      createRoute({
        method: 'get', path: '/{id}/usage', tags, summary: 'Where this parameter is used: experiments (live or not), targeting rules, other segments',
        middleware: [requireRole('viewer')] as const,
        request: { params: idParamsSchema },
        responses: { 200: jsonContent(usageSchema, 'Usage'), ...errorResponses },
      }),
      async (c) => {
        const services = c.get('services');
        return c.json(await parameterUsage(services.store, await parameters.getParameter(services, c.req.valid('param').id)), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'patch', path: '/{id}', tags, summary: 'Change a parameter (the key never changes); 409 when expectedVersion is stale',
        middleware: [requireRole('editor')] as const,
        request: { params: idParamsSchema, body: jsonBody(updateParameterBodySchema) },
        responses: { 200: jsonContent(withWarnings(parameterSchema), 'Saved, with the live experiments it changed'), ...errorResponses, ...conflictResponse },
      }),
      async (c) => c.json(await updateParameterWithWarnings(c.get('services'), c.req.valid('param').id, c.req.valid('json'), await actor(c)), 200),
    )
    .openapi(
      createRoute({
        method: 'get', path: '/{id}/versions', tags, summary: 'Every version with author, time and diff, newest first',
        middleware: [requireRole('viewer')] as const,
        request: { params: idParamsSchema },
        responses: { 200: jsonContent(parameterVersionListSchema, 'Versions'), ...errorResponses },
      }),
      async (c) => c.json({ items: await parameters.listVersions(c.get('services'), c.req.valid('param').id) }, 200),
    )
    .openapi(
      createRoute({
        method: 'post', path: '/{id}/restore', tags, summary: 'Restore an old version as a new version',
        middleware: [requireRole('editor')] as const,
        request: { params: idParamsSchema, body: jsonBody(restoreParameterBodySchema) },
        responses: { 200: jsonContent(parameterSchema, 'Restored'), ...errorResponses, ...conflictResponse },
      }),
      async (c) => c.json(await parameters.restoreParameter(c.get('services'), c.req.valid('param').id, c.req.valid('json'), await actor(c)), 200),
    );
}

