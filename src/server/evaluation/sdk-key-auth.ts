import { sha256Hex } from '../lib/crypto';
import type { Services } from '../services';
import type { SdkKeyRecord } from '../store/types';

// A key's record is cached briefly so evaluation does not hit the database per request; a
// revocation on this replica applies at once, on others within this time.
const CACHE_MS = 5000;
const TOUCH_INTERVAL_MS = 60_000;

export class SdkKeyAuthenticator {
  // Keyed by the presented secret, so the hot path skips hashing; a revocation drops its entry.
  private readonly cache = new Map<string, { record: SdkKeyRecord | null; at: number }>();

  constructor(private readonly services: Services) {
    services.onSdkKeyRevoked((keyHash) => {
      for (const [secret, entry] of this.cache) if (entry.record?.keyHash === keyHash) this.cache.delete(secret);
    });
  }

  /** The active key behind `Authorization: Bearer <key>` or `X-API-Key: <key>`, or null. */
  async authenticate(headers: { authorization?: string; apiKey?: string }): Promise<SdkKeyRecord | null> {
    const secret = /^Bearer\s+(\S+)$/i.exec(headers.authorization ?? '')?.[1] ?? headers.apiKey?.trim();
    if (!secret) return null;
    const now = Date.now();
    let entry = this.cache.get(secret);
    if (!entry || now - entry.at > CACHE_MS) {
      entry = { record: await this.services.store.sdkKeys.getByHash(await sha256Hex(secret)), at: now };
      if (this.cache.size > 10_000) this.cache.clear();
      this.cache.set(secret, entry);
    }
    const record = entry.record;
    if (!record || record.revokedAt) return null;
    const lastUsed = record.lastUsedAt ? Date.parse(record.lastUsedAt) : 0;
    if (now - lastUsed > TOUCH_INTERVAL_MS) {
      record.lastUsedAt = this.services.clock.now().toISOString();
      this.services.store.sdkKeys.touch(record.id, record.lastUsedAt).catch((error) => this.services.log('Could not record SDK key use', error));
    }
    return record;
  }
}
