import type { Parameter, ParameterVersion } from '../../../shared/contract/parameters';
import type { ParameterType } from '../../../shared/values/type-spec';

// Parameters, their versions and the config version counter: part of the Store contract (src/server/store/types.ts), implemented by the memory and SQL stores.

export interface ParameterQuery {
  environmentId: string;
  search?: string;
  type?: ParameterType;
  tag?: string;
  sort: 'key' | 'name' | 'type' | 'updatedAt' | '-key' | '-name' | '-type' | '-updatedAt';
  archived: boolean;
  offset: number;
  limit: number;
}

export type ParameterVersionRecord = ParameterVersion & { parameterId: string };

/**
 * Parameters as environments see them: a definition (key, name, description, tags, spec,
 * archived) shared by all, and per environment the kill switch, default value, rules and version.
 * Every read names the environment; writes use `parameter.environmentId`.
 */
export interface ParameterStore {
  list(query: ParameterQuery): Promise<{ items: Parameter[]; total: number }>;
  /** Every tag in use, for the filter. */
  tags(): Promise<string[]>;
  /** Every parameter that apps can read (not archived) in one environment: its evaluation snapshot. */
  listActive(environmentId: string): Promise<Parameter[]>;
  getById(id: string, environmentId: string): Promise<Parameter | null>;
  getByIds(ids: string[], environmentId: string): Promise<Parameter[]>;
  getByKey(key: string, environmentId: string): Promise<Parameter | null>;
  /** A new definition with its settings in `parameter.environmentId`. Throws UniqueViolation('key') when the key is taken. */
  insert(parameter: Parameter): Promise<void>;
  /** Settings in `parameter.environmentId` for a definition that exists already. */
  insertSettings(parameter: Parameter): Promise<void>;
  /**
   * Saves the definition and the settings in `parameter.environmentId`, compare-and-set on that
   * environment's version: null when the stored version is not `expectedVersion`.
   */
  update(parameter: Parameter, expectedVersion: number): Promise<Parameter | null>;
  /** A new environment's start: every parameter's settings copied from another, each at version 1 with its history entry. */
  copyEnvironment(fromId: string, toId: string, at: string, authorName: string): Promise<void>;
  insertVersion(version: ParameterVersionRecord): Promise<void>;
  listVersions(parameterId: string, environmentId: string): Promise<ParameterVersion[]>;
  getVersion(parameterId: string, environmentId: string, version: number): Promise<ParameterVersion | null>;
}

/** A counter bumped by every change that affects what apps receive; replicas poll it to drop caches. */
export interface ConfigVersionStore {
  /** The workspace's counter: every change anywhere bumps it (replicas poll it to drop caches). */
  get(): Promise<number>;
  /**
   * The counter's value at the last change to what one environment's apps receive: the OFREP
   * body's configVersion, so a change in Staging leaves Production's bytes and ETags alone.
   */
  getFor(environmentId: string): Promise<number>;
  /** Bumps the counter and marks the environments whose answers change: the one named, or all. */
  bump(environmentId?: string): Promise<number>;
}
