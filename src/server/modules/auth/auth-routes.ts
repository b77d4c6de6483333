import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import {
  acceptInviteBodySchema,
  loginBodySchema,
  SESSION_COOKIE,
  sessionInfoSchema,
  setupBodySchema,
  setupStatusSchema,
} from '../../../shared/contract/auth';
import type { AppEnv } from '../../http/env';
import { principalOf } from '../../http/auth-middleware';
import { createRouter, errorResponses, jsonBody, jsonContent, noContent, problemContent } from '../../http/openapi';
import * as auth from './auth-service';

const tags = ['Auth'];

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
      createRoute({ method: 'get', path: '/setup', tags, summary: 'Whether the first admin still has to be created', responses: { 200: jsonContent(setupStatusSchema, 'Setup status') } }),
      async (c) => c.json({ needsSetup: await auth.needsSetup(c.get('services')) }, 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/setup',
        tags,
        summary: 'Create the first admin (only while no user exists) and sign in',
        request: { body: jsonBody(setupBodySchema) },
        responses: { 201: jsonContent(sessionInfoSchema, 'Signed in as the new admin'), 409: errorResponses[400], 400: errorResponses[400] },
      }),
      async (c) => {
        const session = await auth.setupFirstAdmin(c.get('services'), c.req.valid('json'));
        setSessionCookie(c, session.secret);
        return c.json(session.info, 201);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/login',
        tags,
        summary: 'Sign in with email and password (rate limited per email and client address)',
        request: { body: jsonBody(loginBodySchema) },
        responses: {
          200: jsonContent(sessionInfoSchema, 'Signed in'),
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
      createRoute({
        method: 'post',
        path: '/accept-invite',
        tags,
        summary: 'Accept an invite: choose a name and password, then sign in',
        request: { body: jsonBody(acceptInviteBodySchema) },
        responses: { 200: jsonContent(sessionInfoSchema, 'Signed in'), 400: errorResponses[400] },
      }),
      async (c) => {
        const session = await auth.acceptInvite(c.get('services'), c.req.valid('json'));
        setSessionCookie(c, session.secret);
        return c.json(session.info, 200);
      },
    )
    .openapi(
      createRoute({ method: 'get', path: '/session', tags, summary: 'The signed-in user and the CSRF token', responses: { 200: jsonContent(sessionInfoSchema, 'Session'), 401: errorResponses[401] } }),
      async (c) => c.json(await auth.sessionInfo(c.get('services'), principalOf(c)), 200),
    )
    .openapi(
      createRoute({ method: 'post', path: '/logout', tags, summary: 'Sign out (ends this session)', responses: { ...noContent, 401: errorResponses[401], 403: errorResponses[403] } }),
      async (c) => {
        await auth.logout(c.get('services'), principalOf(c));
        deleteCookie(c, SESSION_COOKIE, { path: '/' });
        return c.body(null, 204);
      },
    );
}
