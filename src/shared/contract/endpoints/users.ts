import { userSchema } from '../auth';
import { idParamsSchema } from '../common';
import { defineEndpoint } from '../endpoint';
import { invitedUserSchema, inviteUserBodySchema, updateUserBodySchema, userListSchema } from '../users';

/** /api/users: the people of the workspace. */
export const usersApi = {
  list: defineEndpoint({ method: 'GET', path: '/api/users', response: userListSchema }),
  invite: defineEndpoint({ method: 'POST', path: '/api/users', body: inviteUserBodySchema, response: invitedUserSchema, status: 201 }),
  update: defineEndpoint({ method: 'PATCH', path: '/api/users/{id}', params: idParamsSchema, body: updateUserBodySchema, response: userSchema }),
};
