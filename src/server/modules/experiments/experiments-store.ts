import type { Experiment, ExperimentStatus } from '../../../shared/contract/experiments';

// Experiments and their exposures: part of the Store contract (src/server/store/types.ts), implemented by the memory and SQL stores.

export interface ExperimentStore {
  /** Newest first; only one environment's when `environmentId` is given. */
  list(statuses?: readonly ExperimentStatus[], environmentId?: string): Promise<Experiment[]>;
  getById(id: string): Promise<Experiment | null>;
  getByKey(key: string): Promise<Experiment | null>;
  /** Throws UniqueViolation('key') when the key is taken. */
  insert(experiment: Experiment): Promise<void>;
  /** Compare-and-set on the version: null when the stored version is not `expectedVersion`. */
  update(experiment: Experiment, expectedVersion: number): Promise<Experiment | null>;
}

export interface ExposureRecord {
  experimentId: string;
  targetingKey: string;
  variant: string;
  firstSeenAt: string;
}

export interface ExposureStore {
  /** First sightings: an (experiment, user) already stored keeps its variant and the earliest time. */
  record(exposures: ExposureRecord[]): Promise<void>;
  /** targetingKey -> variant of every user exposed to the experiment (sticky membership). */
  variantsOf(experimentId: string): Promise<Map<string, string>>;
  /**
   * Up to `limit` users exposed to the experiment, in targetingKey order, after `after` (null: from
   * the first): sticky membership loads millions a page at a time, never all of them at once.
   */
  exposedUsersAfter(experimentId: string, after: string | null, limit: number): Promise<string[]>;
  /** Exposed users per variant. */
  counts(experimentId: string): Promise<{ variant: string; users: number }[]>;
}
