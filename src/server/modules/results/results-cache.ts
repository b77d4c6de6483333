import type { Services } from '../../services';

/**
 * Aggregates (the expensive SQL part of results) cached per key, where the key holds the data
 * version, the experiment's and metrics' versions and the query. Switching engine, correction
 * or relative/absolute then costs no SQL at all.
 *
 * Replicas on one PostgreSQL each keep their own cache, but the data version comes from the
 * database (a sequence bumped by statement triggers on events and exposures), so every replica
 * sees new data on its next request. A batch still committing when its bump is read could
 * leave one stale entry; MAX_AGE_MS bounds that. Concurrent requests for one key share one
 * computation.
 */
const MAX_ENTRIES = 100;
const MAX_AGE_MS = 2 * 60_000;

interface Entry<T> {
  at: number;
  value: Promise<T>;
}

export class ResultsCache<T> {
  private readonly entries = new Map<string, Entry<T>>();
  constructor(private readonly now: () => number) {}

  get(key: string, compute: () => Promise<T>): Promise<T> {
    const entry = this.entries.get(key);
    const now = this.now();
    if (entry && now - entry.at < MAX_AGE_MS) {
      // Refresh its place: Map order is the LRU order.
      this.entries.delete(key);
      this.entries.set(key, entry);
      return entry.value;
    }
    const value = compute();
    this.entries.set(key, { at: now, value });
    // A failure is not remembered: the next request tries again.
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    while (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }

  get size() {
    return this.entries.size;
  }
}

const caches = new WeakMap<Services, ResultsCache<unknown>>();

/** One cache per app instance (tests create many apps; each starts cold). */
export function resultsCacheOf<T>(services: Services): ResultsCache<T> {
  let cache = caches.get(services);
  if (!cache) caches.set(services, (cache = new ResultsCache(() => services.clock.now().getTime())));
  return cache as ResultsCache<T>;
}
