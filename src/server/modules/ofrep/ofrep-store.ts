// Flag keys apps asked OFREP for: part of the Store contract (src/server/store/types.ts), implemented by the memory and SQL stores.

export interface RequestedKeyRecord {
  key: string;
  firstSeenAt: string;
  lastSeenAt: string;
  count: number;
}

export interface RequestedKeyStore {
  /** Adds sightings: counts add up, first/last seen widen. */
  record(sightings: RequestedKeyRecord[]): Promise<void>;
  list(): Promise<RequestedKeyRecord[]>;
  delete(keys: string[]): Promise<void>;
}
