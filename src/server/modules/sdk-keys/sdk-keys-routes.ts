import type { Context } from 'hono';
import { sdkKeysApi } from '../../../shared/contract/endpoints/sdk-keys';
import { principalOf, requireRole } from '../../http/auth-middleware';
import { endpointRoutes } from '../../http/endpoint-route';
import type { AppEnv } from '../../http/env';
import { createRouter, errorResponses } from '../../http/openapi';
import { actorOf } from '../audit/audit-service';
import * as sdkKeys from './sdk-keys-service';

const route = endpointRoutes('/api/sdk-keys', { tags: ['SDK keys'] });
const actor = async (c: Context<AppEnv>) => actorOf(c.get('services').store, principalOf(c));

export function sdkKeysRoutes() {
  return createRouter()
    .openapi(
      route(sdkKeysApi.list, { summary: 'List SDK keys (never their secrets)', middleware: [requireRole('viewer')] as const, responseDescription: 'Keys', responses: errorResponses }),
      async (c) => c.json({ items: await sdkKeys.listSdkKeys(c.get('services')) }, 200),
    )
    .openapi(
      route(sdkKeysApi.create, {
        summary: 'Create a client key (evaluate only) or a server key (evaluate and send events); the secret is shown once',
        middleware: [requireRole('admin')] as const,
        responseDescription: 'Created',
        responses: errorResponses,
      }),
      async (c) => c.json(await sdkKeys.createSdkKey(c.get('services'), c.req.valid('json'), await actor(c)), 201),
    )
    .openapi(
      route(sdkKeysApi.revoke, {
        summary: 'Revoke an SDK key: apps using it are refused at once by this server, within 1 s by every replica',
        middleware: [requireRole('admin')] as const,
        responseDescription: 'Revoked',
        responses: errorResponses,
      }),
      async (c) => c.json(await sdkKeys.revokeSdkKey(c.get('services'), c.req.valid('param').id, await actor(c)), 200),
    );
}
