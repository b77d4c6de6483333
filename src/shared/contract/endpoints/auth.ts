import { acceptInviteBodySchema, loginBodySchema, sessionInfoSchema, setupBodySchema, setupStatusSchema } from '../auth';
import { defineEndpoint } from '../endpoint';

/**
 * /api/auth: setup, sign-in and the session. The dashboard's shell makes these calls before any
 * page loads, so it imports this file for its types only: the schemas (and zod) stay out of the
 * first load.
 */
export const authApi = {
  setupStatus: defineEndpoint({ method: 'GET', path: '/api/auth/setup', response: setupStatusSchema }),
  setUp: defineEndpoint({ method: 'POST', path: '/api/auth/setup', body: setupBodySchema, response: sessionInfoSchema, status: 201 }),
  signIn: defineEndpoint({ method: 'POST', path: '/api/auth/login', body: loginBodySchema, response: sessionInfoSchema }),
  acceptInvite: defineEndpoint({ method: 'POST', path: '/api/auth/accept-invite', body: acceptInviteBodySchema, response: sessionInfoSchema }),
  session: defineEndpoint({ method: 'GET', path: '/api/auth/session', response: sessionInfoSchema }),
  signOut: defineEndpoint({ method: 'POST', path: '/api/auth/logout', response: null }),
};
