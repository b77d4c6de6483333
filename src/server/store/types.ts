import type { Role } from '../../shared/contract/auth';

// Store interfaces: one per domain object. The memory store (tests, browser mock) and the
// SQL store (PGlite, PostgreSQL) implement the same contract, proven by store.contract.ts.
// Timestamps are ISO-8601 strings in UTC.

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

export interface ApiTokenRecord {
  id: string;
  name: string;
  role: Role;
  tokenHash: string;
  prefix: string;
  createdBy: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface ApiTokenStore {
  insert(token: ApiTokenRecord): Promise<void>;
  list(): Promise<ApiTokenRecord[]>;
  getById(id: string): Promise<ApiTokenRecord | null>;
  getByHash(tokenHash: string): Promise<ApiTokenRecord | null>;
  revoke(id: string, at: string): Promise<ApiTokenRecord | null>;
  touch(id: string, at: string): Promise<void>;
}

export type StoreKind = 'memory' | 'pglite' | 'postgres';

export interface Store {
  readonly kind: StoreKind;
  readonly users: UserStore;
  readonly sessions: SessionStore;
  readonly apiTokens: ApiTokenStore;
  /** Runs fn atomically: every write inside commits together or not at all. */
  transaction<T>(fn: (store: Store) => Promise<T>): Promise<T>;
  ping(): Promise<void>;
  close(): Promise<void>;
}
