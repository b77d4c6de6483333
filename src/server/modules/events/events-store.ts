import type { ExposureRecord } from '../experiments/experiments-store';

// Events apps send: part of the Store contract (src/server/store/types.ts), implemented by the memory and SQL stores.

export interface StoredEvent {
  id: string;
  /** The environment of the SDK key that sent it (Production when left out): results count only their experiment's. */
  environmentId?: string;
  type: 'track' | 'exposure';
  targetingKey: string;
  event: string;
  value: number | null;
  timestamp: string;
  properties: Record<string, string | number | boolean | null> | null;
  receivedAt: string;
}

export interface EventCatalogEntry {
  event: string;
  type: 'track' | 'exposure';
  count: number;
  users: number;
  withValue: number;
  properties: string[];
  lastSeenAt: string;
}

export interface EventStore {
  /**
   * Stores the batch atomically, with the exposures it reports (recorded as ExposureStore.record
   * does) in the same commit; an event repeating a stored event's id, targetingKey and timestamp
   * (a retried batch) is skipped. Returns how many events were new.
   */
  insertBatch(events: StoredEvent[], exposures?: ExposureRecord[]): Promise<number>;
  /** Which events (and their properties) apps have sent, most frequent first. */
  catalog(): Promise<EventCatalogEntry[]>;
  /**
   * Retention: forgets events whose time is over `retentionDays` days before the start of `now`'s
   * UTC day (whole days; null keeps everything), and prepares the days ahead (SQL: partitions).
   */
  maintain(now: Date, retentionDays: number | null): Promise<EventPartitionChanges>;
}

/** Partitions of the events table created and dropped by EventStore.maintain (none on memory). */
export interface EventPartitionChanges {
  created: string[];
  dropped: string[];
}
