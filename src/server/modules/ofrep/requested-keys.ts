import { isPossibleParameterKey, MAX_REQUESTED_KEYS } from '../../http/limits';
import type { Services } from '../../services';
import type { RequestedKeyRecord } from '../../store/types';

const FLUSH_INTERVAL_MS = 5000;

/**
 * Remembers keys apps asked for that do not exist, so the dashboard can offer to create them.
 * Sightings are counted in memory and written in one batch at most every few seconds, off the
 * response path. Apps' requests are untrusted, so only keys a parameter could have are kept, and
 * at most MAX_REQUESTED_KEYS distinct ones (keys already kept still count their sightings).
 */
export class RequestedKeyRecorder {
  private pending = new Map<string, RequestedKeyRecord>();
  private lastFlush = 0;

  constructor(private readonly services: Services) {}

  record(key: string): void {
    if (!isPossibleParameterKey(key)) return;
    const at = this.services.clock.now().toISOString();
    const known = this.pending.get(key);
    if (known) {
      known.count++;
      known.lastSeenAt = at;
    } else if (this.pending.size < MAX_REQUESTED_KEYS) {
      this.pending.set(key, { key, firstSeenAt: at, lastSeenAt: at, count: 1 });
    }
    if (Date.now() - this.lastFlush > FLUSH_INTERVAL_MS) void this.flush();
  }

  async flush(): Promise<void> {
    this.lastFlush = Date.now();
    if (this.pending.size === 0) return;
    const sightings = [...this.pending.values()];
    this.pending = new Map();
    try {
      await this.services.store.requestedKeys.record(await this.withinCap(sightings));
    } catch (error) {
      this.services.log('Could not record requested keys', error);
    }
  }

  /** The sightings of keys already kept, and of new keys while there is room (the list is capped, so reading it is cheap). */
  private async withinCap(sightings: RequestedKeyRecord[]): Promise<RequestedKeyRecord[]> {
    const kept = new Set((await this.services.store.requestedKeys.list()).map((record) => record.key));
    let room = MAX_REQUESTED_KEYS - kept.size;
    return sightings.filter((sighting) => kept.has(sighting.key) || room-- > 0);
  }
}
