import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { SESSION_COOKIE } from '../../../shared/contract/auth';
import { authApi } from '../../../shared/contract/endpoints/auth';
import type { AppEnv } from '../../http/env';
import { principalOf } from '../../http/auth-middleware';
import { endpointRoutes } from '../../http/endpoint-route';
import { createRouter, errorResponses, problemContent } from '../../http/openapi';
import * as auth from './auth-service';

const route = endpointRoutes('/api/auth', { tags: ['Auth'] });

function setSessionCookie(c: Context<AppEnv>, secret: string) {
  const { config } = c.get('services');
  setCookie(c, SESSION_COOKIE, secret, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: config.secureCookies,
    path: '/',
    maxAge: Math.floor(config.sessionTtlMs / 1000),
  });
}

/**
 * The client address sign-in attempts are counted under together with the email (the Node entry
 * passes the socket address, or the X-Forwarded-For one when TRUST_PROXY says so).
 */
export type ClientKeyFn = (c: Context<AppEnv>) => string;

export function authRoutes(clientKey: ClientKeyFn) {
  return createRouter()
    .openapi(
      route(authApi.setupStatus, { summary: 'Whether the first admin still has to be created', responseDescription: 'Setup status' }),
      async (c) => c.json({ needsSetup: await auth.needsSetup(c.get('services')) }, 200),
    )
    .openapi(
      route(authApi.setUp, {
        summary: 'Create the first admin (only while no user exists) and sign in',
        responseDescription: 'Signed in as the new admin',
        responses: { 409: errorResponses[400], 400: errorResponses[400] },
      }),
      async (c) => {
        const session = await auth.setupFirstAdmin(c.get('services'), c.req.valid('json'));
        setSessionCookie(c, session.secret);
        return c.json(session.info, 201);
      },
    )
    .openapi(
      route(authApi.signIn, {
        summary: 'Sign in with email and password (rate limited per email and client address)',
        responseDescription: 'Signed in',
        responses: {
          400: errorResponses[400],
          401: errorResponses[401],
          429: problemContent('Too many sign-in attempts for this email from this address; Retry-After says when to try again'),
        },
      }),
      async (c) => {
        const session = await auth.login(c.get('services'), c.req.valid('json'), clientKey(c));
        setSessionCookie(c, session.secret);
        return c.json(session.info, 200);
      },
    )
    .openapi(
      route(authApi.acceptInvite, {
        summary: 'Accept an invite: choose a name and password, then sign in',
        responseDescription: 'Signed in',
        responses: { 400: errorResponses[400] },
      }),
      async (c) => {
        const session = await auth.acceptInvite(c.get('services'), c.req.valid('json'));
        setSessionCookie(c, session.secret);
        return c.json(session.info, 200);
      },
    )
    .openapi(
      route(authApi.session, { summary: 'The signed-in user and the CSRF token', responseDescription: 'Session', responses: { 401: errorResponses[401] } }),
      async (c) => c.json(await auth.sessionInfo(c.get('services'), principalOf(c)), 200),
    )
    .openapi(
      route(authApi.signOut, { summary: 'Sign out (ends this session)', responses: { 401: errorResponses[401], 403: errorResponses[403] } }),
      async (c) => {
        await auth.logout(c.get('services'), principalOf(c));
        deleteCookie(c, SESSION_COOKIE, { path: '/' });
        return c.body(null, 204);
      },
    );
}
