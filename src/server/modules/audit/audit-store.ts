import type { AuditEntry, AuditObjectType } from '../../../shared/contract/audit';

// The audit log: part of the Store contract (src/server/store/types.ts), implemented by the memory and SQL stores.

export interface AuditQuery {
  objectType?: AuditObjectType;
  objectId?: string;
  actorId?: string;
  from?: string;
  to?: string;
  /** Entries strictly older than this (at, id) position: keyset pagination, newest first. */
  before?: { at: string; id: string };
  limit: number;
}

export interface AuditStore {
  insert(entry: AuditEntry): Promise<void>;
  list(query: AuditQuery): Promise<AuditEntry[]>;
}
