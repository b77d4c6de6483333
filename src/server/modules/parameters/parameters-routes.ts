import type { Context } from 'hono';
import { parametersApi } from '../../../shared/contract/endpoints/parameters';
import { updateParameterWithWarnings } from '../usage/impact-writes';
import { parameterUsage } from '../usage/usage-service';
import { principalOf, requireRole } from '../../http/auth-middleware';
import { endpointRoutes } from '../../http/endpoint-route';
import type { AppEnv } from '../../http/env';
import { createRouter, errorResponses } from '../../http/openapi';
import { actorOf } from '../audit/audit-service';
import { exportManifest, importManifest } from './manifest-service';
import * as parameters from './parameters-service';
import type { WriteApproval } from '../environments/approval-guard';
import { resolveEnvironment, writableEnvironment } from '../environments/environments-service';
import { compareEnvironments, copyParameter } from './compare-service';

const route = endpointRoutes('/api/parameters', { tags: ['Parameters'] });
const conflictResponse = { 409: { ...errorResponses[400], description: 'The parameter changed since `expectedVersion`: `current` holds it' } };
const actor = async (c: Context<AppEnv>) => actorOf(c.get('services').store, principalOf(c));
const readIn = async (c: Context<AppEnv>, reference: string | undefined) => (await resolveEnvironment(c.get('services').store, reference)).id;
/** Who asks, and the reason a body may give: admins may bypass an environment's approval with it. */
const approvalOf = (c: Context<AppEnv>, bypassReason?: string): WriteApproval => ({ isAdmin: principalOf(c).role === 'admin', bypassReason });
const writeIn = async (c: Context<AppEnv>, reference: string | undefined) => (await writableEnvironment(c.get('services').store, reference)).id;

export function parametersRoutes() {
  return createRouter()
    .openapi(
      route(parametersApi.list, {
        summary: 'Search, filter and sort parameters (paged)',
        middleware: [requireRole('viewer')] as const,
        responseDescription: 'One page',
        responses: { ...errorResponses },
      }),
      async (c) => {
        const query = c.req.valid('query');
        return c.json(await parameters.listParameters(c.get('services'), await readIn(c, query.environment), query), 200);
      },
    )
    .openapi(
      route(parametersApi.create, {
        summary: 'Create a parameter',
        middleware: [requireRole('editor')] as const,
        responseDescription: 'Created',
        responses: { ...errorResponses, ...conflictResponse },
      }),
      async (c) => c.json(await parameters.createParameter(c.get('services'), await writeIn(c, c.req.valid('query').environment), c.req.valid('json'), await actor(c)), 201),
    )
    .openapi(
      route(parametersApi.exportManifest, {
        summary: "Export every active parameter as a manifest (parameters as code), with one environment's defaults",
        middleware: [requireRole('viewer')] as const,
        responseDescription: 'Manifest',
        responses: { ...errorResponses },
      }),
      async (c) => c.json(await exportManifest(c.get('services'), await readIn(c, c.req.valid('query').environment)), 200),
    )
    .openapi(
      route(parametersApi.importManifest, {
        summary: 'Plan (dryRun, the default) or apply a manifest; idempotent',
        middleware: [requireRole('editor')] as const,
        responseDescription: 'The plan, applied or not',
        responses: { ...errorResponses },
      }),
      async (c) => c.json(await importManifest(c.get('services'), await writeIn(c, c.req.valid('query').environment), c.req.valid('json'), await actor(c)), 200),
    )
    .openapi(
      route(parametersApi.requestedKeys, {
        summary: 'Keys apps asked for over OFREP that no parameter has',
        middleware: [requireRole('viewer')] as const,
        responseDescription: 'Requested keys',
        responses: { ...errorResponses },
      }),
      async (c) => c.json({ items: await c.get('services').store.requestedKeys.list() }, 200),
    )
    .openapi(
      route(parametersApi.bulk, {
        summary: 'Archive, unarchive, tag or untag several parameters',
        middleware: [requireRole('editor')] as const,
        responseDescription: 'How many changed',
        responses: { ...errorResponses },
      }),
      async (c) => {
        const environmentId = await writeIn(c, c.req.valid('query').environment);
        return c.json({ updated: await parameters.bulkUpdate(c.get('services'), environmentId, c.req.valid('json'), await actor(c), approvalOf(c)) }, 200);
      },
    )
    .openapi(
      route(parametersApi.compare, {
        summary: 'What differs for each parameter between two environments',
        middleware: [requireRole('viewer')] as const,
        responseDescription: 'Parameters side by side',
        responses: { ...errorResponses },
      }),
      async (c) => {
        const { from, to, differentOnly } = c.req.valid('query');
        return c.json(await compareEnvironments(c.get('services'), from, to, differentOnly === 'true'), 200);
      },
    )
    .openapi(
      route(parametersApi.get, {
        summary: 'One parameter, by id or key',
        middleware: [requireRole('viewer')] as const,
        responseDescription: 'The parameter',
        responses: { ...errorResponses, 404: errorResponses[400] },
      }),
      async (c) => c.json(await parameters.getParameter(c.get('services'), c.req.valid('param').id, await readIn(c, c.req.valid('query').environment)), 200),
    )
    .openapi(
      route(parametersApi.usage, {
        summary: 'Where this parameter is used: experiments (live or not), targeting rules, other segments',
        middleware: [requireRole('viewer')] as const,
        responseDescription: 'Usage',
        responses: { ...errorResponses },
      }),
      async (c) => {
        const services = c.get('services');
        const environmentId = await readIn(c, c.req.valid('query').environment);
        return c.json(await parameterUsage(services.store, await parameters.getParameter(services, c.req.valid('param').id, environmentId)), 200);
      },
    )
    .openapi(
      route(parametersApi.update, {
        summary: 'Change a parameter (the key never changes); 409 when expectedVersion is stale',
        middleware: [requireRole('editor')] as const,
        responseDescription: 'Saved, with the live experiments it changed',
        responses: { ...errorResponses, ...conflictResponse },
      }),
      async (c) => {
        const environmentId = await writeIn(c, c.req.valid('query').environment);
        const body = c.req.valid('json');
        return c.json(await updateParameterWithWarnings(c.get('services'), c.req.valid('param').id, environmentId, body, await actor(c), approvalOf(c, body.bypassReason)), 200);
      },
    )
    .openapi(
      route(parametersApi.copy, {
        summary: "Copy a parameter's default value, kill switch or rules from one environment into another",
        middleware: [requireRole('editor')] as const,
        responseDescription: 'The parameter as the target environment now sees it',
        responses: { ...errorResponses, ...conflictResponse },
      }),
      async (c) => {
        const body = c.req.valid('json');
        return c.json(await copyParameter(c.get('services'), c.req.valid('param').id, body, await actor(c), approvalOf(c, body.bypassReason)), 200);
      },
    )
    .openapi(
      route(parametersApi.versions, {
        summary: 'Every version with author, time and diff, newest first',
        middleware: [requireRole('viewer')] as const,
        responseDescription: 'Versions',
        responses: { ...errorResponses },
      }),
      async (c) => c.json({ items: await parameters.listVersions(c.get('services'), c.req.valid('param').id, await readIn(c, c.req.valid('query').environment)) }, 200),
    )
    .openapi(
      route(parametersApi.restore, {
        summary: 'Restore an old version as a new version',
        middleware: [requireRole('editor')] as const,
        responseDescription: 'Restored',
        responses: { ...errorResponses, ...conflictResponse },
      }),
      async (c) => {
        const environmentId = await writeIn(c, c.req.valid('query').environment);
        const body = c.req.valid('json');
        return c.json(await parameters.restoreParameter(c.get('services'), c.req.valid('param').id, environmentId, body, await actor(c), approvalOf(c, body.bypassReason)), 200);
      },
    );
}

