import type { Metric } from '../../../shared/contract/metrics';

// Metrics: part of the Store contract (src/server/store/types.ts), implemented by the memory and SQL stores.

export interface MetricStore {
  list(archived: boolean): Promise<Metric[]>;
  getById(id: string): Promise<Metric | null>;
  getByIds(ids: string[]): Promise<Metric[]>;
  /** Throws UniqueViolation('key') when the key is taken. */
  insert(metric: Metric): Promise<void>;
  /** Compare-and-set on the version: null when the stored version is not `expectedVersion`. */
  update(metric: Metric, expectedVersion: number): Promise<Metric | null>;
}
