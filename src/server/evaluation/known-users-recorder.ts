import type { KnownUser } from '../../shared/contract/segments';
import type { AttributeKind } from '../../shared/targeting';
import type { Services } from '../services';
import type { ObservedAttributeRecord } from '../store/types';

const WRITE_INTERVAL_PER_USER_MS = 60_000;
const FLUSH_INTERVAL_MS = 2000;
const MAX_PENDING = 50_000;

/** What kind of attribute a value looks like, so the segment builder can offer the right operators. */
export function kindOf(value: unknown): AttributeKind | null {
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') return Number.isFinite(value) ? 'number' : null;
  if (Array.isArray(value)) return 'list';
  if (typeof value !== 'string') return null;
  if (/^v?\d+\.\d+(\.\d+)?([-+][0-9A-Za-z.-]+)?$/.test(value)) return 'version';
  if (/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(value)) return 'date';
  return 'text';
}

/**
 * Remembers each targetingKey's latest attributes from evaluation requests. Bounded write cost:
 * a user is written at most once a minute, in batches every few seconds, off the response path.
 */
export class KnownUsersRecorder {
  private pending = new Map<string, KnownUser>();
  private attributes = new Map<string, ObservedAttributeRecord>();
  private lastWritten = new Map<string, number>();
  private lastFlush = Date.now();
  private flushing: Promise<void> | null = null;

  constructor(private readonly services: Services) {}

  observe(context: { targetingKey: string } & Record<string, unknown>): void {
    const nowMs = Date.now();
    const written = this.lastWritten.get(context.targetingKey);
    if (written !== undefined && nowMs - written < WRITE_INTERVAL_PER_USER_MS) return;
    if (this.pending.size >= MAX_PENDING) return;
    this.lastWritten.set(context.targetingKey, nowMs);
    const lastSeenAt = this.services.clock.now().toISOString();
    const { targetingKey, ...attributes } = context;
    this.pending.set(targetingKey, { targetingKey, attributes, lastSeenAt });
    for (const [name, value] of Object.entries(attributes)) {
      const kind = kindOf(value);
      if (!kind) continue;
      const known = this.attributes.get(name);
      if (!known) this.attributes.set(name, { name, kinds: [kind], lastSeenAt });
      else if (!known.kinds.includes(kind)) known.kinds.push(kind);
    }
    if (nowMs - this.lastFlush > FLUSH_INTERVAL_MS) void this.flush();
  }

  /** Writes what is pending; tests and shutdown call it directly. */
  async flush(): Promise<void> {
    if (this.flushing) return this.flushing;
    this.lastFlush = Date.now();
    const users = [...this.pending.values()];
    const attributes = [...this.attributes.values()];
    this.pending = new Map();
    this.attributes = new Map();
    if (this.lastWritten.size > 500_000) this.forgetOld();
    if (users.length === 0 && attributes.length === 0) return;
    this.flushing = (async () => {
      try {
        await this.services.store.knownUsers.upsert(users);
        await this.services.store.observedAttributes.record(attributes);
        this.services.userSample.usersRecorded();
      } catch (error) {
        this.services.log('Could not record known users', error);
      } finally {
        this.flushing = null;
      }
    })();
    return this.flushing;
  }

  private forgetOld(): void {
    const cutoff = Date.now() - WRITE_INTERVAL_PER_USER_MS;
    for (const [key, at] of this.lastWritten) if (at < cutoff) this.lastWritten.delete(key);
  }
}
