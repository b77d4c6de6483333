import type { Role } from '../../../shared/contract/auth';

// API tokens: part of the Store contract (src/server/store/types.ts), implemented by the memory and SQL stores.

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
  /** The token with its creator's current standing, in one lookup: what authenticating a request needs. */
  getWithCreatorByHash(tokenHash: string): Promise<ApiTokenWithCreator | null>;
}

export interface ApiTokenWithCreator {
  token: ApiTokenRecord;
  /** null when the creator's account is gone. `active`: enabled and has a password. */
  creator: { role: Role; active: boolean } | null;
}
