import { createRoute } from '@hono/zod-openapi';
import { idParamsSchema } from '../../../shared/contract/common';
import { apiTokenListSchema, apiTokenSchema, createApiTokenBodySchema, createdApiTokenSchema } from '../../../shared/contract/tokens';
import { principalOf, requireRole } from '../../http/auth-middleware';
import { createRouter, errorResponses, jsonBody, jsonContent } from '../../http/openapi';
import * as tokens from './tokens-service';

const tags = ['API tokens'];

export function tokensRoutes() {
  return createRouter()
    .openapi(
      createRoute({ method: 'get', path: '/', tags, summary: 'List API tokens (never their secrets)', middleware: [requireRole('admin')] as const, responses: { 200: jsonContent(apiTokenListSchema, 'Tokens'), ...errorResponses } }),
      async (c) => c.json({ items: await tokens.listTokens(c.get('services')) }, 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/',
        tags,
        summary: 'Create an API token carrying a role; the secret is shown only in this answer',
        middleware: [requireRole('admin')] as const,
        request: { body: jsonBody(createApiTokenBodySchema) },
        responses: { 201: jsonContent(createdApiTokenSchema, 'Created'), ...errorResponses },
      }),
      async (c) => c.json(await tokens.createToken(c.get('services'), c.req.valid('json'), principalOf(c)), 201),
    )
    .openapi(
      createRoute({
        method: 'delete',
        path: '/{id}',
        tags,
        summary: 'Revoke an API token (immediately refused afterwards)',
        middleware: [requireRole('admin')] as const,
        request: { params: idParamsSchema },
        responses: { 200: jsonContent(apiTokenSchema, 'Revoked'), ...errorResponses },
      }),
      async (c) => c.json(await tokens.revokeToken(c.get('services'), c.req.valid('param').id, principalOf(c)), 200),
    );
}
