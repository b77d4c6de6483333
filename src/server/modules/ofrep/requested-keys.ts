import type { Services } from '../../services';
import type { RequestedKeyRecord } from '../../store/types';

const FLUSH_INTERVAL_MS = 5000;

/**
 * Remembers keys apps asked for that do not exist, so the dashboard can offer to create them.
 * Sightings are counted in memory and written in one batch at most every few seconds, off the
 * response path.
 */
export class RequestedKeyRecorder {
  private pending = new Map<string, RequestedKeyRecord>();
  private lastFlush = 0;

  constructor(private readonly services: Services) {}

  record(key: string): void {
    const at = this.services.clock.now().toISOString();
    const known = this.pending.get(key);
    if (known) {
      known.count++;
      known.lastSeenAt = at;
    } else if (this.pending.size < 1000) {
      this.pending.set(key, { key, firstSeenAt: at, lastSeenAt: at, count: 1 });
    }
    if (Date.now() - this.lastFlush > FLUSH_INTERVAL_MS) void this.flush();
  }

  async flush(): Promise<void> {
    this.lastFlush = Date.now();
    if (this.pending.size === 0) return;
    const batch = [...this.pending.values()];
    this.pending = new Map();
    await this.services.store.requestedKeys.record(batch).catch((error) => this.services.log('Could not record requested keys', error));
  }
}
