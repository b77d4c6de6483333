import type { KnownUser } from '../../../shared/contract/segments';

// Known users and the attributes apps send: part of the Store contract (src/server/store/types.ts), implemented by the memory and SQL stores.

/** Users apps evaluated for, per environment (the SDK key's). */
export interface KnownUserStore {
  /** Latest attributes and last-seen time per targetingKey; later sightings win. */
  upsert(environmentId: string, users: KnownUser[]): Promise<void>;
  get(environmentId: string, targetingKey: string): Promise<KnownUser | null>;
  /** Most recently seen first, optionally only keys starting with `prefix`. */
  search(environmentId: string, prefix: string | undefined, limit: number): Promise<KnownUser[]>;
  /** Users seen since `since`: how many, and a uniform random sample of at most `limit` of them. */
  sample(environmentId: string, since: string, limit: number): Promise<{ total: number; users: KnownUser[] }>;
}

export interface ObservedAttributeRecord {
  name: string;
  kinds: string[];
  lastSeenAt: string;
}

export interface ObservedAttributeStore {
  /** Merges kinds (as a set) and widens last-seen. New names are kept only while fewer than `maxNames` are (first by name); kept ones always update. */
  record(attributes: ObservedAttributeRecord[], maxNames: number): Promise<void>;
  list(): Promise<ObservedAttributeRecord[]>;
}
