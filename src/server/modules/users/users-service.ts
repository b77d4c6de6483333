import type { InvitedUser, InviteUserBody, UpdateUserBody } from '../../../shared/contract/users';
import type { User } from '../../../shared/contract/auth';
import { randomId, randomToken, sha256Hex } from '../../lib/crypto';
import { conflict, notFound, UniqueViolation } from '../../lib/errors';
import type { Services } from '../../services';
import { recordAudit, type Actor } from '../audit/audit-service';
import { toUserView } from './user-view';

const INVITE_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export async function listUsers(services: Services): Promise<User[]> {
  return (await services.store.users.list()).map(toUserView);
}

/** Creates the account in the invited state; the one-time link lets the person choose a password. */
export async function inviteUser(services: Services, body: InviteUserBody, actor: Actor): Promise<InvitedUser> {
  const token = randomToken(32);
  const now = services.clock.now();
  const record = {
    id: randomId(),
    email: body.email,
    name: body.name ?? body.email.split('@')[0],
    role: body.role,
    passwordHash: null,
    inviteTokenHash: await sha256Hex(token),
    inviteExpiresAt: new Date(now.getTime() + INVITE_TTL_MS).toISOString(),
    disabled: false,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    version: 1,
  };
  try {
    await services.store.transaction(async (store) => {
      await store.users.insert(record);
      await recordAudit(store, now, { actor, action: 'user.invited', objectType: 'user', objectId: record.id, objectLabel: record.email, before: null, after: toUserView(record) });
    });
  } catch (error) {
    if (error instanceof UniqueViolation) {
      throw conflict('Someone with this email already has an account', [{ path: 'email', message: 'Already has an account' }]);
    }
    throw error;
  }
  return { user: toUserView(record), inviteToken: token, invitePath: `/accept-invite#token=${token}` };
}

export async function updateUser(services: Services, id: string, body: UpdateUserBody, actor: Actor): Promise<User> {
  return services.store.transaction(async (store) => {
    const user = await store.users.getById(id);
    if (!user) throw notFound('No such user');
    const losesAdmin = user.role === 'admin' && !user.disabled && (body.disabled === true || (body.role !== undefined && body.role !== 'admin'));
    if (losesAdmin && (await store.users.countActiveAdmins()) <= 1) {
      throw conflict('Switchboard needs at least one active admin', [
        { path: body.disabled ? 'disabled' : 'role', message: 'This is the last active admin' },
      ]);
    }
    const updated = await store.users.update(id, { ...body, updatedAt: services.clock.now().toISOString() });
    if (!updated) throw notFound('No such user');
    if (body.disabled) await store.sessions.deleteForUser(id);
    const action = body.role !== undefined && body.role !== user.role ? 'user.role-changed' : body.disabled !== undefined ? (body.disabled ? 'user.disabled' : 'user.enabled') : 'user.updated';
    await recordAudit(store, services.clock.now(), { actor, action, objectType: 'user', objectId: id, objectLabel: user.email, before: toUserView(user), after: toUserView(updated) });
    return toUserView(updated);
  });
}
