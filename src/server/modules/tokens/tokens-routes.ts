import { tokensApi } from '../../../shared/contract/endpoints/tokens';
import { principalOf, requireRole } from '../../http/auth-middleware';
import { endpointRoutes } from '../../http/endpoint-route';
import { createRouter, errorResponses } from '../../http/openapi';
import * as tokens from './tokens-service';

const route = endpointRoutes('/api/tokens', { tags: ['API tokens'] });

export function tokensRoutes() {
  return createRouter()
    .openapi(
      route(tokensApi.list, { summary: 'List API tokens (never their secrets)', middleware: [requireRole('admin')] as const, responseDescription: 'Tokens', responses: errorResponses }),
      async (c) => c.json({ items: await tokens.listTokens(c.get('services')) }, 200),
    )
    .openapi(
      route(tokensApi.create, {
        summary: 'Create an API token carrying a role; the secret is shown only in this answer',
        middleware: [requireRole('admin')] as const,
        responseDescription: 'Created',
        responses: errorResponses,
      }),
      async (c) => c.json(await tokens.createToken(c.get('services'), c.req.valid('json'), principalOf(c)), 201),
    )
    .openapi(
      route(tokensApi.revoke, {
        summary: 'Revoke an API token (immediately refused afterwards)',
        middleware: [requireRole('admin')] as const,
        responseDescription: 'Revoked',
        responses: errorResponses,
      }),
      async (c) => c.json(await tokens.revokeToken(c.get('services'), c.req.valid('param').id, principalOf(c)), 200),
    );
}
