import type { Environment } from '../../../shared/contract/environments';

// Environments: part of the Store contract (src/server/store/types.ts), implemented by the memory and SQL stores.

export interface EnvironmentStore {
  /** Every environment, archived ones too, by position. */
  list(): Promise<Environment[]>;
  getById(id: string): Promise<Environment | null>;
  getByKey(key: string): Promise<Environment | null>;
  /** Throws UniqueViolation('key') when the key is taken. */
  insert(environment: Environment): Promise<void>;
  /** Compare-and-set on the version; bumps it. */
  update(environment: Environment, expectedVersion: number): Promise<Environment | null>;
  /** Positions 0..n-1 in the order given. */
  reorder(ids: string[]): Promise<void>;
}
