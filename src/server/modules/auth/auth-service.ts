import { roleRank, type AcceptInviteBody, type LoginBody, type SessionInfo, type SetupBody } from '../../../shared/contract/auth';
import { randomId, randomToken, sha256Hex } from '../../lib/crypto';
import { AppError, badRequest, conflict, unauthorized } from '../../lib/errors';
import type { Principal } from '../../http/env';
import type { Services } from '../../services';
import type { UserRecord } from '../../store/types';
import { toUserView } from '../users/user-view';
import { recordAudit } from '../audit/audit-service';
import { countLoginAttempt } from './login-limit';

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

const alreadySetUp = () => conflict('Switchboard is already set up. Sign in instead.');

export async function setupFirstAdmin(services: Services, body: SetupBody): Promise<NewSession> {
  // Refuse before hashing: once set up, this public route must not cost a password hash per call.
  if (!(await needsSetup(services))) throw alreadySetUp();
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
  if (!(await services.store.users.insertFirst(user))) throw alreadySetUp();
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

export async function login(services: Services, body: LoginBody, clientAddress: string): Promise<NewSession> {
  const { clearOnSuccess } = await countLoginAttempt(services, body.email, clientAddress);
  const user = await services.store.users.getByEmail(body.email);
  const hash = user?.passwordHash ?? (await (dummyHash ??= services.passwords.hash(randomToken())));
  const passwordOk = await services.passwords.verify(body.password, hash);
  if (!user || !user.passwordHash || !passwordOk || user.disabled) throw unauthorized('The email or password is not right');
  await services.store.loginAttempts.clear(clearOnSuccess);
  return startSession(services, user);
}

const invalidInvite = () =>
  badRequest('This invite link is not valid any more. Ask an admin for a new one.', [{ path: 'token', message: 'Invalid or expired invite' }]);

export async function acceptInvite(services: Services, body: AcceptInviteBody): Promise<NewSession> {
  const tokenHash = await sha256Hex(body.token);
  const user = await services.store.users.getByInviteTokenHash(tokenHash);
  const now = services.clock.now();
  // A cheap look first, so a wrong link costs no password hash; consumeInvite then decides atomically.
  if (!user || user.disabled || !user.inviteExpiresAt || new Date(user.inviteExpiresAt) <= now) throw invalidInvite();
  const passwordHash = await services.passwords.hash(body.password);
  const updated = await services.store.transaction(async (store) => {
    const consumed = await store.users.consumeInvite(tokenHash, now.toISOString(), { name: body.name, passwordHash });
    if (!consumed) return null;
    await recordAudit(store, now, {
      actor: { id: consumed.id, name: `${consumed.name} <${consumed.email}>` },
      action: 'user.invite-accepted',
      objectType: 'user',
      objectId: consumed.id,
      objectLabel: consumed.email,
      before: toUserView(user),
      after: toUserView(consumed),
    });
    return consumed;
  });
  // Another request used the invite while this one hashed the password.
  if (!updated) throw invalidInvite();
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

/**
 * A token acts for the person who made it: never above their CURRENT role, and not at all once
 * their account is disabled or gone (it works again if the account is re-enabled).
 */
export async function principalFromApiToken(services: Services, secret: string): Promise<Principal | null> {
  const found = await services.store.apiTokens.getWithCreatorByHash(await sha256Hex(secret));
  if (!found || found.token.revokedAt || !found.creator?.active) return null;
  const { token, creator } = found;
  const now = services.clock.now();
  if (!token.lastUsedAt || now.getTime() - new Date(token.lastUsedAt).getTime() > TOKEN_TOUCH_INTERVAL_MS) {
    await services.store.apiTokens.touch(token.id, now.toISOString());
  }
  const role = roleRank[creator.role] < roleRank[token.role] ? creator.role : token.role;
  return { kind: 'token', tokenId: token.id, role, createdBy: token.createdBy };
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
