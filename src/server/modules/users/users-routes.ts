import { createRoute } from '@hono/zod-openapi';
import { userSchema } from '../../../shared/contract/auth';
import { idParamsSchema } from '../../../shared/contract/common';
import { invitedUserSchema, inviteUserBodySchema, updateUserBodySchema, userListSchema } from '../../../shared/contract/users';
import { principalOf, requireRole } from '../../http/auth-middleware';
import { actorOf } from '../audit/audit-service';
import { createRouter, errorResponses, jsonBody, jsonContent } from '../../http/openapi';
import * as users from './users-service';

const tags = ['Users'];

export function usersRoutes() {
  return createRouter()
    .openapi(
      createRoute({ method: 'get', path: '/', tags, summary: 'List users', middleware: [requireRole('admin')] as const, responses: { 200: jsonContent(userListSchema, 'Users'), ...errorResponses } }),
      async (c) => c.json({ items: await users.listUsers(c.get('services')) }, 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/',
        tags,
        summary: 'Invite a person; answers with a one-time invite link',
        middleware: [requireRole('admin')] as const,
        request: { body: jsonBody(inviteUserBodySchema) },
        responses: { 201: jsonContent(invitedUserSchema, 'Invited'), ...errorResponses },
      }),
      async (c) => {
        const services = c.get('services');
        return c.json(await users.inviteUser(services, c.req.valid('json'), await actorOf(services.store, principalOf(c))), 201);
      },
    )
    .openapi(
      createRoute({
        method: 'patch',
        path: '/{id}',
        tags,
        summary: "Change a user's role or name, or disable the account",
        middleware: [requireRole('admin')] as const,
        request: { params: idParamsSchema, body: jsonBody(updateUserBodySchema) },
        responses: { 200: jsonContent(userSchema, 'Updated'), ...errorResponses },
      }),
      async (c) => {
        const services = c.get('services');
        return c.json(await users.updateUser(services, c.req.valid('param').id, c.req.valid('json'), await actorOf(services.store, principalOf(c))), 200);
      },
    );
}
