import type { Role } from '../../../shared/contract/auth';

// Users, their sessions and sign-in attempts: part of the Store contract (src/server/store/types.ts), implemented by the memory and SQL stores.

export interface UserRecord {
  id: string;
  email: string;
  name: string;
  role: Role;
  passwordHash: string | null;
  inviteTokenHash: string | null;
  inviteExpiresAt: string | null;
  disabled: boolean;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export type UserPatch = Partial<Pick<UserRecord, 'name' | 'role' | 'passwordHash' | 'inviteTokenHash' | 'inviteExpiresAt' | 'disabled'>> & {
  updatedAt: string;
};

export interface UserStore {
  count(): Promise<number>;
  countActiveAdmins(): Promise<number>;
  list(): Promise<UserRecord[]>;
  getById(id: string): Promise<UserRecord | null>;
  getByEmail(email: string): Promise<UserRecord | null>;
  getByInviteTokenHash(tokenHash: string): Promise<UserRecord | null>;
  /** Throws UniqueViolation('email') when the email is taken. */
  insert(user: UserRecord): Promise<void>;
  /** Inserts only while no user exists at all (first-run setup); false when someone got there first. */
  insertFirst(user: UserRecord): Promise<boolean>;
  /** Applies the patch and bumps the version; null when the user does not exist. */
  update(id: string, patch: UserPatch): Promise<UserRecord | null>;
  /**
   * Atomically uses up an invite: sets the name and password and clears the invite, only while the
   * invite is unused, unexpired (after `now`) and the account enabled. null when it was not (or
   * another request used it first), so one invite gives one account and one session.
   */
  consumeInvite(tokenHash: string, now: string, accepted: { name: string; passwordHash: string }): Promise<UserRecord | null>;
}

export interface SessionRecord {
  /** SHA-256 of the cookie secret: the secret itself is never stored. */
  id: string;
  userId: string;
  csrfToken: string;
  createdAt: string;
  expiresAt: string;
  lastSeenAt: string;
}

export interface SessionStore {
  insert(session: SessionRecord): Promise<void>;
  get(id: string): Promise<SessionRecord | null>;
  touch(id: string, lastSeenAt: string, expiresAt: string): Promise<void>;
  delete(id: string): Promise<void>;
  deleteForUser(userId: string): Promise<void>;
  deleteExpired(now: string): Promise<number>;
}

/**
 * Sign-in attempts counted per key in fixed windows that start at a key's first attempt. hit() is
 * one atomic increment, so concurrent attempts can never all read the same count.
 */
export interface LoginAttemptStore {
  /** Counts one attempt; starts a new window when the key's last one began `windowMs` or more before `now`. */
  hit(key: string, now: string, windowMs: number): Promise<{ count: number; windowStartedAt: string }>;
  clear(key: string): Promise<void>;
  /** Forgets windows that started before `before`; returns how many. */
  deleteStartedBefore(before: string): Promise<number>;
}
