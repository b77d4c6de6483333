import type { ChangeRequest, ChangeRequestStatus } from '../../../shared/contract/change-requests';

// Change requests: part of the Store contract (src/server/store/types.ts), implemented by the memory and SQL stores.

/** A change request as stored: `approved` is worked out on reading (it depends on the environment). */
export type ChangeRequestRecord = Omit<ChangeRequest, 'approved'>;

export interface ChangeRequestStore {
  /** Newest first. */
  list(filter: { environmentId?: string; status?: ChangeRequestStatus }): Promise<ChangeRequestRecord[]>;
  getById(id: string): Promise<ChangeRequestRecord | null>;
  insert(request: ChangeRequestRecord): Promise<void>;
  /** Compare-and-set on the version: null when the stored version is not `expectedVersion`. */
  update(request: ChangeRequestRecord, expectedVersion: number): Promise<ChangeRequestRecord | null>;
  /** Open requests whose publish time has come, oldest time first. */
  listDue(now: string): Promise<ChangeRequestRecord[]>;
}
