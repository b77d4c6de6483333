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
import { z } from 'zod';
import { compareQuerySchema, comparisonListSchema, copyParameterBodySchema, environmentQuerySchema } from '../../../shared/contract/environments';
import type { WriteApproval } from '../environments/approval-guard';
import { resolveEnvironment, writableEnvironment } from '../environments/environments-service';
import { compareEnvironments, copyParameter } from './compare-service';

const tags = ['Parameters'];
const conflictResponse = { 409: { ...errorResponses[400], description: 'The parameter changed since `expectedVersion`: `current` holds it' } };
const actor = async (c: Context<AppEnv>) => actorOf(c.get('services').store, principalOf(c));
/** `?environment=`: which environment's values a route reads or changes (Production when left out). */
const environmentQuery = z.strictObject({ environment: environmentQuerySchema });
const readIn = async (c: Context<AppEnv>, reference: string | undefined) => (await resolveEnvironment(c.get('services').store, reference)).id;
/** Who asks, and the reason a body may give: admins may bypass an environment's approval with it. */
const approvalOf = (c: Context<AppEnv>, bypassReason?: string): WriteApproval => ({ isAdmin: principalOf(c).role === 'admin', bypassReason });
const writeIn = async (c: Context<AppEnv>, reference: string | undefined) => (await writableEnvironment(c.get('services').store, reference)).id;

export function parametersRoutes() {
  return createRouter()
    .openapi(
      createRoute({
        method: 'get', path: '/', tags, summary: 'Search, filter and sort parameters (paged)',
        middleware: [requireRole('viewer')] as const,
        request: { query: listParametersQuerySchema },
        responses: { 200: jsonContent(parameterPageSchema, 'One page'), ...errorResponses },
      }),
      async (c) => {
        const query = c.req.valid('query');
        return c.json(await parameters.listParameters(c.get('services'), await readIn(c, query.environment), query), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post', path: '/', tags, summary: 'Create a parameter',
        middleware: [requireRole('editor')] as const,
        request: { query: environmentQuery, body: jsonBody(createParameterBodySchema) },
        responses: { 201: jsonContent(parameterSchema, 'Created'), ...errorResponses, ...conflictResponse },
      }),
      async (c) => c.json(await parameters.createParameter(c.get('services'), await writeIn(c, c.req.valid('query').environment), c.req.valid('json'), await actor(c)), 201),
    )
    .openapi(
      createRoute({
        method: 'get', path: '/export', tags, summary: "Export every active parameter as a manifest (parameters as code), with one environment's defaults",
        middleware: [requireRole('viewer')] as const,
        request: { query: environmentQuery },
        responses: { 200: jsonContent(manifestSchema, 'Manifest'), ...errorResponses },
      }),
      async (c) => c.json(await exportManifest(c.get('services'), await readIn(c, c.req.valid('query').environment)), 200),
    )
    .openapi(
      createRoute({
        method: 'post', path: '/import', tags, summary: 'Plan (dryRun, the default) or apply a manifest; idempotent',
        middleware: [requireRole('editor')] as const,
        request: { query: environmentQuery, body: jsonBody(importManifestBodySchema) },
        responses: { 200: jsonContent(importResultSchema, 'The plan, applied or not'), ...errorResponses },
      }),
      async (c) => c.json(await importManifest(c.get('services'), await writeIn(c, c.req.valid('query').environment), c.req.valid('json'), await actor(c)), 200),
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
        request: { query: environmentQuery, body: jsonBody(bulkParametersBodySchema) },
        responses: { 200: jsonContent(bulkResultSchema, 'How many changed'), ...errorResponses },
      }),
      async (c) => {
        const environmentId = await writeIn(c, c.req.valid('query').environment);
        return c.json({ updated: await parameters.bulkUpdate(c.get('services'), environmentId, c.req.valid('json'), await actor(c), approvalOf(c)) }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get', path: '/compare', tags, summary: 'What differs for each parameter between two environments',
        middleware: [requireRole('viewer')] as const,
        request: { query: compareQuerySchema },
        responses: { 200: jsonContent(comparisonListSchema, 'Parameters side by side'), ...errorResponses },
      }),
      async (c) => {
        const { from, to, differentOnly } = c.req.valid('query');
        return c.json(await compareEnvironments(c.get('services'), from, to, differentOnly === 'true'), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get', path: '/{id}', tags, summary: 'One parameter, by id or key',
        middleware: [requireRole('viewer')] as const,
        request: { params: idParamsSchema, query: environmentQuery },
        responses: { 200: jsonContent(parameterSchema, 'The parameter'), ...errorResponses, 404: errorResponses[400] },
      }),
      async (c) => c.json(await parameters.getParameter(c.get('services'), c.req.valid('param').id, await readIn(c, c.req.valid('query').environment)), 200),
    )
    .openapi(
      createRoute({
        method: 'get', path: '/{id}/usage', tags, summary: 'Where this parameter is used: experiments (live or not), targeting rules, other segments',
        middleware: [requireRole('viewer')] as const,
        request: { params: idParamsSchema, query: environmentQuery },
        responses: { 200: jsonContent(usageSchema, 'Usage'), ...errorResponses },
      }),
      async (c) => {
        const services = c.get('services');
        const environmentId = await readIn(c, c.req.valid('query').environment);
        return c.json(await parameterUsage(services.store, await parameters.getParameter(services, c.req.valid('param').id, environmentId)), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'patch', path: '/{id}', tags, summary: 'Change a parameter (the key never changes); 409 when expectedVersion is stale',
        middleware: [requireRole('editor')] as const,
        request: { params: idParamsSchema, query: environmentQuery, body: jsonBody(updateParameterBodySchema) },
        responses: { 200: jsonContent(withWarnings(parameterSchema), 'Saved, with the live experiments it changed'), ...errorResponses, ...conflictResponse },
      }),
      async (c) => {
        const environmentId = await writeIn(c, c.req.valid('query').environment);
        const body = c.req.valid('json');
        return c.json(await updateParameterWithWarnings(c.get('services'), c.req.valid('param').id, environmentId, body, await actor(c), approvalOf(c, body.bypassReason)), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post', path: '/{id}/copy', tags, summary: "Copy a parameter's default value, kill switch or rules from one environment into another",
        middleware: [requireRole('editor')] as const,
        request: { params: idParamsSchema, body: jsonBody(copyParameterBodySchema) },
        responses: { 200: jsonContent(parameterSchema, 'The parameter as the target environment now sees it'), ...errorResponses, ...conflictResponse },
      }),
      async (c) => {
        const body = c.req.valid('json');
        return c.json(await copyParameter(c.get('services'), c.req.valid('param').id, body, await actor(c), approvalOf(c, body.bypassReason)), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get', path: '/{id}/versions', tags, summary: 'Every version with author, time and diff, newest first',
        middleware: [requireRole('viewer')] as const,
        request: { params: idParamsSchema, query: environmentQuery },
        responses: { 200: jsonContent(parameterVersionListSchema, 'Versions'), ...errorResponses },
      }),
      async (c) => c.json({ items: await parameters.listVersions(c.get('services'), c.req.valid('param').id, await readIn(c, c.req.valid('query').environment)) }, 200),
    )
    .openapi(
      createRoute({
        method: 'post', path: '/{id}/restore', tags, summary: 'Restore an old version as a new version',
        middleware: [requireRole('editor')] as const,
        request: { params: idParamsSchema, query: environmentQuery, body: jsonBody(restoreParameterBodySchema) },
        responses: { 200: jsonContent(parameterSchema, 'Restored'), ...errorResponses, ...conflictResponse },
      }),
      async (c) => {
        const environmentId = await writeIn(c, c.req.valid('query').environment);
        const body = c.req.valid('json');
        return c.json(await parameters.restoreParameter(c.get('services'), c.req.valid('param').id, environmentId, body, await actor(c), approvalOf(c, body.bypassReason)), 200);
      },
    );
}

