import { sha256Hex } from '../lib/crypto';
import type { Services } from '../services';
import type { SdkKeyRecord } from '../store/types';

// A key's record is cached briefly so evaluation does not hit the database per request; a
// revocation on this replica applies at once, on others within this time.
const CACHE_MS = 5000;
const TOUCH_INTERVAL_MS = 60_000;

interface Entry {
  record: SdkKeyRecord | null;
  /** When the record was read from the store. */
  at: number;
  /** When lastUsedAt was last written (ms), so the hot path compares numbers. */
  touchedAt: number;
}

export class SdkKeyAuthenticator {
  // Keyed by the presented secret, so the hot path skips hashing; a revocation drops its entry.
  private readonly cache = new Map<string, Entry>();

  constructor(private readonly services: Services) {
    services.onSdkKeyRevoked((keyHash) => {
      for (const [secret, entry] of this.cache) if (entry.record?.keyHash === keyHash) this.cache.delete(secret);
    });
  }

  /**
   * The answer without waiting when a fresh one is cached: the active key, null when refused, or
   * undefined when the store must be asked (call `authenticate`).
   */
  cached(headers: { authorization?: string; apiKey?: string }): SdkKeyRecord | null | undefined {
    const secret = secretOf(headers);
    if (!secret) return null;
    const entry = this.cache.get(secret);
    const now = Date.now();
    if (!entry || now - entry.at > CACHE_MS) return undefined;
    return this.use(entry, now);
  }

  /** The active key behind `Authorization: Bearer <key>` or `X-API-Key: <key>`, or null. */
  async authenticate(headers: { authorization?: string; apiKey?: string }): Promise<SdkKeyRecord | null> {
    const secret = secretOf(headers);
    if (!secret) return null;
    const now = Date.now();
    let entry = this.cache.get(secret);
    if (!entry || now - entry.at > CACHE_MS) {
      const record = await this.services.store.sdkKeys.getByHash(await sha256Hex(secret));
      entry = { record, at: now, touchedAt: record?.lastUsedAt ? Date.parse(record.lastUsedAt) : 0 };
      if (this.cache.size > 10_000) this.cache.clear();
      this.cache.set(secret, entry);
    }
    return this.use(entry, now);
  }

  private use(entry: Entry, now: number): SdkKeyRecord | null {
    const record = entry.record;
    if (!record || record.revokedAt) return null;
    if (now - entry.touchedAt > TOUCH_INTERVAL_MS) {
      entry.touchedAt = now;
      record.lastUsedAt = this.services.clock.now().toISOString();
      this.services.store.sdkKeys.touch(record.id, record.lastUsedAt).catch((error) => this.services.log('Could not record SDK key use', error));
    }
    return record;
  }
}

function secretOf(headers: { authorization?: string; apiKey?: string }): string | undefined {
  const authorization = headers.authorization;
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (match) return match[1];
  }
  return headers.apiKey?.trim() || undefined;
}
