import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { CSRF_HEADER, roleAllows, SESSION_COOKIE, type Role } from '../../shared/contract/auth';
import { forbidden, unauthorized, AppError } from '../lib/errors';
import { timingSafeEqual } from '../lib/crypto';
import { principalFromApiToken, principalFromSession } from '../modules/auth/auth-service';
import type { AppEnv } from './env';

/** /api routes anyone may call: everything else needs a session or an API token. */
const PUBLIC_API_ROUTES = new Set([
  'GET /api/health',
  'GET /api/openapi.json',
  'GET /api/auth/setup',
  'POST /api/auth/setup',
  'POST /api/auth/login',
  'POST /api/auth/accept-invite',
]);

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Resolves the caller, then refuses anonymous calls to private routes and cookie writes without the CSRF token. */
export const authenticate: MiddlewareHandler<AppEnv> = async (c, next) => {
  const services = c.get('services');
  const authorization = c.req.header('authorization');
  let principal = null;
  if (authorization !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    principal = match ? await principalFromApiToken(services, match[1]) : null;
    if (!principal) throw unauthorized('The API token is missing, malformed, unknown or revoked');
  } else {
    const secret = getCookie(c, SESSION_COOKIE);
    if (secret) principal = await principalFromSession(services, secret);
  }
  c.set('principal', principal);

  const path = c.req.path.replace(/\/+$/, '') || '/';
  if (!principal && !PUBLIC_API_ROUTES.has(`${c.req.method} ${path}`)) throw unauthorized();
  if (principal?.kind === 'user' && !SAFE_METHODS.has(c.req.method)) {
    const sent = c.req.header(CSRF_HEADER) ?? '';
    if (!timingSafeEqual(sent, principal.csrfToken)) {
      throw new AppError(403, 'Forbidden', 'Missing or wrong CSRF token: reload the page and try again');
    }
  }
  await next();
};

/** Route guard: the caller's role must be at least `role`. */
export function requireRole(role: Role): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const principal = c.get('principal');
    if (!principal) throw unauthorized();
    if (!roleAllows(principal.role, role)) throw forbidden(`This needs the ${role} role`);
    await next();
  };
}

/** The signed-in principal inside a handler behind requireRole. */
export function principalOf(c: { get(key: 'principal'): AppEnv['Variables']['principal'] }) {
  const principal = c.get('principal');
  if (!principal) throw unauthorized();
  return principal;
}
