import type { Rollout, RolloutStatus } from '../../../shared/contract/rollouts';

// Guarded rollouts: part of the Store contract (src/server/store/types.ts), implemented by the memory and SQL stores.

/** Guarded rollouts: one document each, with environment, status and next check time queryable. */
export interface RolloutStore {
  /** Newest first. */
  list(filter: { environmentId?: string; status?: RolloutStatus }): Promise<Rollout[]>;
  getById(id: string): Promise<Rollout | null>;
  insert(rollout: Rollout): Promise<void>;
  /** Compare-and-set on the version: null when the stored version is not `expectedVersion`. */
  update(rollout: Rollout, expectedVersion: number): Promise<Rollout | null>;
  /** Running rollouts whose next check is due at `now`, the longest due first. */
  listDue(now: string): Promise<Rollout[]>;
}
