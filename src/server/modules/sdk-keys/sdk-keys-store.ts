import type { SdkKey } from '../../../shared/contract/sdk-keys';

// SDK keys: part of the Store contract (src/server/store/types.ts), implemented by the memory and SQL stores.

export type SdkKeyRecord = SdkKey & { keyHash: string };

export interface SdkKeyStore {
  insert(key: SdkKeyRecord): Promise<void>;
  list(): Promise<SdkKeyRecord[]>;
  getByHash(keyHash: string): Promise<SdkKeyRecord | null>;
  revoke(id: string, at: string): Promise<SdkKeyRecord | null>;
  touch(id: string, at: string): Promise<void>;
}
