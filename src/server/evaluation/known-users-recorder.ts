import type { KnownUser } from '../../shared/contract/segments';
import type { AttributeKind } from '../../shared/targeting';
import { MAX_OBSERVED_ATTRIBUTES } from '../http/limits';
import type { KnownUserSample } from '../modules/audiences/reach-service';
import type { CoreServices } from '../services';
import type { ObservedAttributeRecord } from '../store/types';
import { FingerprintSet, MembershipBudget } from './fingerprint-set';

const WRITE_INTERVAL_PER_USER_MS = 60_000;
const FLUSH_INTERVAL_MS = 2000;
const MAX_PENDING = 50_000;
// Users remembered as written in one period: past this the period ends early (those users may then
// be written again sooner than a minute later: more writes, never more memory). Two periods of
// fingerprints at most, about 40 MiB.
const MAX_WRITTEN_PER_PERIOD = 1_000_000;
// Nesting levels allowed in one attribute value. Targeting reads flat values and lists; deeper
// JSON only risks the write (PostgreSQL refuses ~10,000 levels, PGlite silently stores nothing,
// JSON.stringify overflows the stack a little deeper).
export const MAX_ATTRIBUTE_DEPTH = 32;

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
 * Bounded memory: who was written is kept for the current period of a minute and the one before
 * as fingerprints (FingerprintSet, ~16 bytes a user); a user in either is not written again, so
 * the gap between two writes of a user is one to two minutes. The older period is dropped whole.
 */
export class KnownUsersRecorder {
  /** By environment and targetingKey (see userKey): a user is known per environment. */
  private pending = new Map<string, { environmentId: string; user: KnownUser }>();
  private attributes = new Map<string, ObservedAttributeRecord>();
  private readonly unlimited = new MembershipBudget(Number.MAX_SAFE_INTEGER);
  private writtenNow = new FingerprintSet(this.unlimited);
  private writtenBefore = new FingerprintSet(this.unlimited);
  private periodStart = Date.now();
  private lastFlush = Date.now();
  private flushing: Promise<void> | null = null;

  constructor(
    private readonly services: Pick<CoreServices, 'store' | 'clock' | 'log'>,
    /** Told after each write, so a small reach sample reloads with the new users. */
    private readonly userSample: KnownUserSample,
  ) {}

  observe(environmentId: string, context: { targetingKey: string } & Record<string, unknown>): void {
    const nowMs = Date.now();
    const key = userKey(environmentId, context.targetingKey);
    if (nowMs - this.periodStart >= WRITE_INTERVAL_PER_USER_MS || this.writtenNow.size >= MAX_WRITTEN_PER_PERIOD) this.nextPeriod(nowMs);
    if (this.writtenNow.has(key) || this.writtenBefore.has(key)) return;
    if (this.pending.size >= MAX_PENDING) return;
    this.writtenNow.add(key);
    const lastSeenAt = this.services.clock.now().toISOString();
    const { targetingKey, ...attributes } = context;
    this.pending.set(key, { environmentId, user: { targetingKey, attributes, lastSeenAt } });
    for (const [name, value] of Object.entries(attributes)) {
      const kind = kindOf(value);
      if (!kind) continue;
      const known = this.attributes.get(name);
      if (!known) this.attributes.set(name, { name, kinds: [kind], lastSeenAt });
      else if (!known.kinds.includes(kind)) known.kinds.push(kind);
    }
    if (!this.flushing && nowMs - this.lastFlush > FLUSH_INTERVAL_MS) void this.flush();
  }

  /** Writes what is pending; tests and shutdown call it directly. */
  async flush(): Promise<void> {
    // A flush already running took only what was pending when it began: wait for it, then write
    // the rest, so that everything observed before this call is written when it resolves.
    while (this.flushing) await this.flushing;
    this.lastFlush = Date.now();
    const pending = [...this.pending.values()];
    const attributes = [...this.attributes.values()];
    this.pending = new Map();
    this.attributes = new Map();
    if (pending.length === 0 && attributes.length === 0) return;
    this.flushing = (async () => {
      try {
        for (const [environmentId, users] of byEnvironment(pending)) {
          const { kept, dropped } = storableUsers(users);
          if (dropped.length > 0) this.services.log(`Known users: left out ${dropped.length} attribute(s) or user(s) the database cannot store`, dropped.slice(0, 5));
          await this.writeEach('known user', kept, (batch) => this.services.store.knownUsers.upsert(environmentId, batch), (u) => u.targetingKey);
        }
        const names = attributes.filter((a) => isStorableText(a.name));
        await this.writeEach('attribute', names, (batch) => this.services.store.observedAttributes.record(batch, MAX_OBSERVED_ATTRIBUTES), (a) => a.name);
        this.userSample.usersRecorded();
      } catch (error) {
        this.services.log('Could not record known users', error);
      } finally {
        this.flushing = null;
      }
    })();
    return this.flushing;
  }

  /**
   * Writes items in one batch. If the database refuses the batch while still answering, the
   * halves are tried apart, down to the single item that is refused: one bad item (a value we
   * did not foresee) costs only itself, never its neighbours in the flush.
   */
  private async writeEach<T>(what: string, items: T[], write: (batch: T[]) => Promise<void>, name: (item: T) => string): Promise<void> {
    if (items.length === 0) return;
    try {
      await write(items);
    } catch (error) {
      if (items.length === 1) return this.services.log(`Known users: the database refused ${what} ${JSON.stringify(name(items[0]).slice(0, 100))}`, error);
      if (!(await this.storeAnswers())) return this.services.log(`Could not record ${items.length} ${what}(s)`, error);
      const half = Math.ceil(items.length / 2);
      await this.writeEach(what, items.slice(0, half), write, name);
      await this.writeEach(what, items.slice(half), write, name);
    }
  }

  private async storeAnswers(): Promise<boolean> {
    try {
      await this.services.store.ping();
      return true;
    } catch {
      return false;
    }
  }

  /** Whom this process remembers as written (for benches and tests). */
  get remembered(): { users: number; bytes: number } {
    return { users: this.writtenNow.size + this.writtenBefore.size, bytes: this.writtenNow.bytes + this.writtenBefore.bytes };
  }

  private nextPeriod(nowMs: number): void {
    this.writtenBefore.release();
    this.writtenBefore = this.writtenNow;
    // Sized like the period that ended: a steady flow of users fills it without growing it.
    this.writtenNow = new FingerprintSet(this.unlimited, this.writtenBefore.size);
    this.periodStart = nowMs;
  }
}

const userKey = (environmentId: string, targetingKey: string) => `${environmentId}\u0000${targetingKey}`;

function byEnvironment(pending: { environmentId: string; user: KnownUser }[]): Map<string, KnownUser[]> {
  const grouped = new Map<string, KnownUser[]>();
  for (const { environmentId, user } of pending) {
    const users = grouped.get(environmentId);
    if (users) users.push(user);
    else grouped.set(environmentId, [user]);
  }
  return grouped;
}

/**
 * The users as the database can store them: an attribute nested deeper than
 * MAX_ATTRIBUTE_DEPTH, or holding text PostgreSQL refuses (NUL, a lone surrogate), is left out
 * of its user alone; a user whose key is such text is left out. Iterative, so no value can
 * overflow the stack here.
 */
export function storableUsers(users: KnownUser[]): { kept: KnownUser[]; dropped: string[] } {
  const kept: KnownUser[] = [];
  const dropped: string[] = [];
  for (const user of users) {
    const key = user.targetingKey.slice(0, 100);
    if (!isStorableText(user.targetingKey)) {
      dropped.push(`user ${JSON.stringify(key)}`);
      continue;
    }
    const attributes: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(user.attributes)) {
      if (isStorableText(name) && isStorableValue(value)) attributes[name] = value;
      else dropped.push(`${JSON.stringify(name.slice(0, 100))} of user ${JSON.stringify(key)}`);
    }
    kept.push({ ...user, attributes });
  }
  return { kept, dropped };
}

// A lone UTF-16 surrogate: JSON.stringify escapes it, and PostgreSQL's JSON input refuses the escape.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const isStorableText = (text: string) => !text.includes('\u0000') && !LONE_SURROGATE.test(text);

function isStorableValue(value: unknown): boolean {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const { value: next, depth } = stack.pop()!;
    if (typeof next === 'string') {
      if (!isStorableText(next)) return false;
    } else if (typeof next === 'object' && next !== null) {
      if (depth >= MAX_ATTRIBUTE_DEPTH) return false;
      for (const [name, child] of Object.entries(next)) {
        if (!isStorableText(name)) return false;
        stack.push({ value: child, depth: depth + 1 });
      }
    }
  }
  return true;
}
