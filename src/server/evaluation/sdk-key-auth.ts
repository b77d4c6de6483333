import { sha256Hex } from '../lib/crypto';
import type { CoreServices } from '../services';
import type { SdkKeyRecord } from '../store/types';

// A key's record is cached briefly so evaluation does not hit the database per request. Every
// answer comes from a read of the store that started within this time, so a revocation applies at
// once on this replica and within it on every other (the same bound as the configuration's
// version check, src/server/evaluation/config-cache.ts).
const CACHE_MS = 1000;
// From this age on, the record is read again in the background while requests keep answering
// from memory; requests wait only when that read has not landed by CACHE_MS, and then for that
// one read. (Reading only on expiry made every request arriving during the read start its own:
// a burst of hashes and queries on the server's thread, which PGlite runs synchronously.) A key
// in steady use thus costs one indexed read about every 0.8 s, never one per request.
const REFRESH_AFTER_MS = 800;
const TOUCH_INTERVAL_MS = 60_000;
const MAX_ENTRIES = 10_000;

interface Entry {
  record: SdkKeyRecord | null;
  /** The secret's SHA-256 (what the store is keyed by), kept so refreshes skip hashing. */
  keyHash: string;
  /** When the read of `record` started (ms): a change committed after it may be missing. */
  at: number;
  /** When lastUsedAt was last written (ms), so the hot path compares numbers. */
  touchedAt: number;
}

export class SdkKeyAuthenticator {
  // Keyed by the presented secret, so the hot path skips hashing; a revocation drops its entry.
  private readonly cache = new Map<string, Entry>();
  /** Reads of the store in flight, by secret: concurrent requests for one key share one read. */
  private readonly loading = new Map<string, Promise<Entry>>();
  /** Bumped by each revocation: a read that started before one is not cached. */
  private generation = 0;

  constructor(private readonly services: Pick<CoreServices, 'store' | 'clock' | 'config' | 'log' | 'onSdkKeyRevoked'>) {
    services.onSdkKeyRevoked((keyHash) => {
      this.generation++;
      // Reads in flight may predate the revocation: later requests start their own.
      this.loading.clear();
      for (const [secret, entry] of this.cache) if (entry.keyHash === keyHash) this.cache.delete(secret);
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
    if (!entry) return undefined;
    const now = Date.now();
    return this.fresh(secret, entry, now) ? this.use(entry, now) : undefined;
  }

  /** The active key behind `Authorization: Bearer <key>` or `X-API-Key: <key>`, or null. */
  async authenticate(headers: { authorization?: string; apiKey?: string }): Promise<SdkKeyRecord | null> {
    const secret = secretOf(headers);
    if (!secret) return null;
    let entry = this.cache.get(secret);
    if (!entry || !this.fresh(secret, entry, Date.now())) entry = await this.load(secret, entry);
    return this.use(entry, Date.now());
  }

  /** Whether `entry` may answer now; starts the background read when it is due. */
  private fresh(secret: string, entry: Entry, now: number): boolean {
    const age = now - entry.at;
    // The sole writer hears of each revocation at once (onSdkKeyRevoked): a request never waits
    // for the read behind a long statement of the database.
    if (age > CACHE_MS && !this.services.config.soleWriter) return false;
    if (age > REFRESH_AFTER_MS && !this.loading.has(secret)) {
      this.load(secret, entry).catch((error) => this.services.log('Could not read SDK key', error));
    }
    return true;
  }

  /** Reads the key from the store, once for all concurrent callers, and caches it. */
  private load(secret: string, previous: Entry | undefined): Promise<Entry> {
    const inFlight = this.loading.get(secret);
    if (inFlight) return inFlight;
    const generation = this.generation;
    const loading = (async (): Promise<Entry> => {
      const at = Date.now();
      const keyHash = previous?.keyHash ?? (await sha256Hex(secret));
      const record = await this.services.store.sdkKeys.getByHash(keyHash);
      const stored = record?.lastUsedAt ? Date.parse(record.lastUsedAt) : 0;
      // The last write of lastUsedAt may not have landed before this read: keep the later time.
      const entry: Entry = { record, keyHash, at, touchedAt: Math.max(stored, previous?.touchedAt ?? 0) };
      if (generation === this.generation) {
        if (this.cache.size >= MAX_ENTRIES && !this.cache.has(secret)) this.cache.clear();
        this.cache.set(secret, entry);
      }
      return entry;
    })();
    this.loading.set(secret, loading);
    const done = () => {
      if (this.loading.get(secret) === loading) this.loading.delete(secret);
    };
    loading.then(done, done);
    return loading;
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
