import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { idParamsSchema } from '../../../shared/contract/common';
import { createdSdkKeySchema, createSdkKeyBodySchema, sdkKeyListSchema, sdkKeySchema } from '../../../shared/contract/sdk-keys';
import { principalOf, requireRole } from '../../http/auth-middleware';
import type { AppEnv } from '../../http/env';
import { createRouter, errorResponses, jsonBody, jsonContent } from '../../http/openapi';
import { actorOf } from '../audit/audit-service';
import * as sdkKeys from './sdk-keys-service';

const tags = ['SDK keys'];
const actor = async (c: Context<AppEnv>) => actorOf(c.get('services').store, principalOf(c));

export function sdkKeysRoutes() {
  return createRouter()
    .openapi(
      createRoute({ method: 'get', path: '/', tags, summary: 'List SDK keys (never their secrets)', middleware: [requireRole('viewer')] as const, responses: { 200: jsonContent(sdkKeyListSchema, 'Keys'), ...errorResponses } }),
      async (c) => c.json({ items: await sdkKeys.listSdkKeys(c.get('services')) }, 200),
    )
    .openapi(
      createRoute({
        method: 'post', path: '/', tags, summary: 'Create a client key (evaluate only) or a server key (evaluate and send events); the secret is shown once',
        middleware: [requireRole('admin')] as const,
        request: { body: jsonBody(createSdkKeyBodySchema) },
        responses: { 201: jsonContent(createdSdkKeySchema, 'Created'), ...errorResponses },
      }),
      async (c) => c.json(await sdkKeys.createSdkKey(c.get('services'), c.req.valid('json'), await actor(c)), 201),
    )
    .openapi(
      createRoute({
        method: 'delete', path: '/{id}', tags, summary: 'Revoke an SDK key: apps using it are refused at once by this server, within 1 s by every replica',
        middleware: [requireRole('admin')] as const,
        request: { params: idParamsSchema },
        responses: { 200: jsonContent(sdkKeySchema, 'Revoked'), ...errorResponses },
      }),
      async (c) => c.json(await sdkKeys.revokeSdkKey(c.get('services'), c.req.valid('param').id, await actor(c)), 200),
    );
}
