import type { AcceptInviteBody, LoginBody, SessionInfo, SetupBody } from '../../../shared/contract/auth';
import { randomId, randomToken, sha256Hex } from '../../lib/crypto';
import { AppError, badRequest, conflict, unauthorized } from '../../lib/errors';
import type { Principal } from '../../http/env';
import type { Services } from '../../services';
import type { UserRecord } from '../../store/types';
import { toUserView } from '../users/user-view';
import { recordAudit } from '../audit/audit-service';

export interface NewSession {
  info: SessionInfo;
  /** The cookie secret; only its hash is stored. */
  secret: string;
}

// Hashing a password for an unknown email too keeps a wrong email as slow as a wrong password,
// so response time does not reveal who has an account.
let dummyHash: Promise<string> | undefined;

export async function needsSetup(services: Services): Promise<boolean> {
  return (await services.store.users.count()) === 0;
}

export async function setupFirstAdmin(services: Services, body: SetupBody): Promise<NewSession> {
  const now = services.clock.now().toISOString();
  const user: UserRecord = {
    id: randomId(),
    email: body.email,
    name: body.name,
    role: 'admin',
    passwordHash: await services.passwords.hash(body.password),
    inviteTokenHash: null,
    inviteExpiresAt: null,
    disabled: false,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  if (!(await services.store.users.insertFirst(user))) {
    throw conflict('Switchboard is already set up. Sign in instead.');
  }
  await recordAudit(services.store, services.clock.now(), {
    actor: { id: user.id, name: `${user.name} <${user.email}>` },
    action: 'user.created-first-admin',
    objectType: 'user',
    objectId: user.id,
    objectLabel: user.email,
    before: null,
    after: toUserView(user),
  });
  return startSession(services, user);
}

/** Creates the first admin from ADMIN_EMAIL/ADMIN_PASSWORD when no user exists yet. */
export async function bootstrapAdmin(services: Services, email: string, password: string): Promise<boolean> {
  try {
    await setupFirstAdmin(services, { email: email.trim().toLowerCase(), name: 'Administrator', password });
    return true;
  } catch (error) {
    if (error instanceof AppError && error.status === 409) return false;
    throw error;
  }
}

export async function login(services: Services, body: LoginBody, clientKey: string): Promise<NewSession> {
  const limiterKeys = [`email:${body.email}`, `client:${clientKey}`];
  const retryAfter = Math.max(...limiterKeys.map((key) => services.loginLimiter.retryAfterSeconds(key)));
  if (retryAfter > 0) {
    throw new AppError(429, 'Too many attempts', `Too many failed sign-ins. Try again in ${retryAfter} seconds.`, undefined, {
      'retry-after': String(retryAfter),
    });
  }
  const user = await services.store.users.getByEmail(body.email);
  const hash = user?.passwordHash ?? (await (dummyHash ??= services.passwords.hash(randomToken())));
  const passwordOk = await services.passwords.verify(body.password, hash);
  if (!user || !user.passwordHash || !passwordOk || user.disabled) {
    limiterKeys.forEach((key) => services.loginLimiter.recordFailure(key));
    throw unauthorized('The email or password is not right');
  }
  services.loginLimiter.reset(`email:${body.email}`);
  return startSession(services, user);
}

export async function acceptInvite(services: Services, body: AcceptInviteBody): Promise<NewSession> {
  const user = await services.store.users.getByInviteTokenHash(await sha256Hex(body.token));
  const now = services.clock.now();
  if (!user || user.disabled || !user.inviteExpiresAt || new Date(user.inviteExpiresAt) <= now) {
    throw badRequest('This invite link is not valid any more. Ask an admin for a new one.', [
      { path: 'token', message: 'Invalid or expired invite' },
    ]);
  }
  const updated = await services.store.users.update(user.id, {
    name: body.name,
    passwordHash: await services.passwords.hash(body.password),
    inviteTokenHash: null,
    inviteExpiresAt: null,
    updatedAt: now.toISOString(),
  });
  if (!updated) throw badRequest('This invite link is not valid any more.');
  await recordAudit(services.store, now, {
    actor: { id: updated.id, name: `${updated.name} <${updated.email}>` },
    action: 'user.invite-accepted',
    objectType: 'user',
    objectId: updated.id,
    objectLabel: updated.email,
    before: toUserView(user),
    after: toUserView(updated),
  });
  return startSession(services, updated);
}

async function startSession(services: Services, user: UserRecord): Promise<NewSession> {
  const secret = randomToken(32);
  const now = services.clock.now();
  const csrfToken = randomToken(24);
  await services.store.sessions.insert({
    id: await sha256Hex(secret),
    userId: user.id,
    csrfToken,
    createdAt: now.toISOString(),
    lastSeenAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + services.config.sessionTtlMs).toISOString(),
  });
  return { secret, info: { user: toUserView(user), csrfToken } };
}

const SESSION_TOUCH_INTERVAL_MS = 60 * 60 * 1000;

/** Resolves a session cookie to its principal; sliding expiry, refreshed at most hourly. */
export async function principalFromSession(services: Services, secret: string): Promise<Principal | null> {
  const id = await sha256Hex(secret);
  const session = await services.store.sessions.get(id);
  const now = services.clock.now();
  if (!session) return null;
  if (new Date(session.expiresAt) <= now) {
    await services.store.sessions.delete(id);
    return null;
  }
  const user = await services.store.users.getById(session.userId);
  if (!user || user.disabled || !user.passwordHash) return null;
  if (now.getTime() - new Date(session.lastSeenAt).getTime() > SESSION_TOUCH_INTERVAL_MS) {
    await services.store.sessions.touch(id, now.toISOString(), new Date(now.getTime() + services.config.sessionTtlMs).toISOString());
  }
  return { kind: 'user', userId: user.id, role: user.role, sessionId: id, csrfToken: session.csrfToken };
}

const TOKEN_TOUCH_INTERVAL_MS = 60 * 1000;

export async function principalFromApiToken(services: Services, secret: string): Promise<Principal | null> {
  const token = await services.store.apiTokens.getByHash(await sha256Hex(secret));
  if (!token || token.revokedAt) return null;
  const now = services.clock.now();
  if (!token.lastUsedAt || now.getTime() - new Date(token.lastUsedAt).getTime() > TOKEN_TOUCH_INTERVAL_MS) {
    await services.store.apiTokens.touch(token.id, now.toISOString());
  }
  return { kind: 'token', tokenId: token.id, role: token.role, createdBy: token.createdBy };
}

export async function sessionInfo(services: Services, principal: Principal): Promise<SessionInfo> {
  if (principal.kind !== 'user') throw badRequest('API tokens have no session');
  const user = await services.store.users.getById(principal.userId);
  if (!user) throw unauthorized();
  return { user: toUserView(user), csrfToken: principal.csrfToken };
}

export async function logout(services: Services, principal: Principal): Promise<void> {
  if (principal.kind === 'user') await services.store.sessions.delete(principal.sessionId);
}
