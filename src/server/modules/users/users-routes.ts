import { usersApi } from '../../../shared/contract/endpoints/users';
import { principalOf, requireRole } from '../../http/auth-middleware';
import { endpointRoutes } from '../../http/endpoint-route';
import { actorOf } from '../audit/audit-service';
import { createRouter, errorResponses } from '../../http/openapi';
import * as users from './users-service';

const route = endpointRoutes('/api/users', { tags: ['Users'] });

export function usersRoutes() {
  return createRouter()
    .openapi(
      route(usersApi.list, { summary: 'List users', middleware: [requireRole('admin')] as const, responseDescription: 'Users', responses: errorResponses }),
      async (c) => c.json({ items: await users.listUsers(c.get('services')) }, 200),
    )
    .openapi(
      route(usersApi.invite, {
        summary: 'Invite a person; answers with a one-time invite link',
        middleware: [requireRole('admin')] as const,
        responseDescription: 'Invited',
        responses: errorResponses,
      }),
      async (c) => {
        const services = c.get('services');
        return c.json(await users.inviteUser(services, c.req.valid('json'), await actorOf(services.store, principalOf(c))), 201);
      },
    )
    .openapi(
      route(usersApi.update, {
        summary: "Change a user's role or name, or disable the account",
        middleware: [requireRole('admin')] as const,
        responseDescription: 'Updated',
        responses: errorResponses,
      }),
      async (c) => {
        const services = c.get('services');
        return c.json(await users.updateUser(services, c.req.valid('param').id, c.req.valid('json'), await actorOf(services.store, principalOf(c))), 200);
      },
    );
}
