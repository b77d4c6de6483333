import { behaviourRuleHolds, dayOf, describeBehaviourRule, describeObserved, earliestDayNeeded, windowDays, type BehaviourSpec } from '../../../shared/behaviour/behaviour-rule';
import { matchesFilters } from '../../../shared/behaviour/property-filter';
import type { BehaviourRuleInUse } from '../../../shared/evaluation';
import type { CoreServices } from '../../services';
import { summedNumber, type BehaviourEvent } from './behaviour-store';
import { addSeen, addToDay, dayEntries, pruneBefore, seenOf, tallyOver, type DayTallies } from './day-tallies';
import { rulesInUse } from './rules-in-use';
import { breather, inSlices, SLICE_ROWS } from './slices';

/** How often the Node entry syncs: an acknowledged event counts within about a second. */
export const SYNC_INTERVAL_MS = 1000;
/** Events read per catch-up page. */
const CATCH_UP_PAGE = 10_000;
/** A rule asked for outside the saved segments (a reach candidate) stays loaded this long after its last use. */
const EXTRA_RULE_TTL_MS = 10 * 60_000;

/** A spec the state holds: its slot in every user's array, the first day kept, and the seq applied through. */
interface LoadedSpec {
  spec: BehaviourSpec;
  slot: number;
  fromDay: number;
  cursor: number;
}

/** One user: per spec slot, the spec's day tallies (or [firstDay, lastDay] for 'seen'). */
type UserState = (DayTallies | undefined)[];

export interface BehaviourExplanation {
  ruleId: string;
  segmentIds: string[];
  segmentNames: string[];
  description: string;
  observed: string;
  holds: boolean;
}

export interface BehaviourMemoryStats {
  users: number;
  specs: number;
  dayEntries: number;
}

/**
 * Every user's behaviour, in memory on each replica: environment -> targetingKey -> per spec the
 * sparse daily tallies the rules in use need. Loaded per spec from the events (one aggregate up
 * to the ingest watermark), then caught up from the events after each spec's own cursor, so a
 * spec loaded late never counts an event twice. Windows slide at evaluation time (tallies are
 * summed over the window's days on the day asked), and days no rule needs are pruned daily.
 * OFREP reads it without touching the database.
 */
export class BehaviourState {
  private readonly users = new Map<string, Map<string, UserState>>();
  private readonly specs = new Map<string, LoadedSpec>();
  private readonly freeSlots: number[] = [];
  private nextSlot = 0;
  private rules: BehaviourRuleInUse[] = [];
  private rulesVersion: number | null = null;
  /** Rules asked for by reach of an unsaved segment: id -> rule and when last asked. */
  private readonly extra = new Map<string, { rule: BehaviourRuleInUse; at: number }>();
  private prunedDay = -1;
  private running: Promise<void> | null = null;
  private again: Promise<void> | null = null;

  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(private readonly services: Pick<CoreServices, 'store' | 'clock' | 'log' | 'onConfigChanged'>) {
    // A segment saved here: look at the rules again now rather than at the next version check.
    services.onConfigChanged(() => {
      this.rulesVersion = null;
      if (this.timer) this.syncInBackground();
    });
  }

  /** Syncs every `intervalMs` (the Node entry; tests call sync() themselves). */
  start(intervalMs = SYNC_INTERVAL_MS): void {
    this.timer ??= setInterval(() => this.syncInBackground(), intervalMs);
    this.timer.unref?.();
    this.syncInBackground();
  }

  /** Stops the timer and waits for a sync in flight. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await (this.again ?? this.running)?.catch(() => undefined);
  }

  /** A sync in flight is enough: the next tick comes within a second. */
  private syncInBackground(): void {
    if (!this.running) void this.sync().catch((error) => this.services.log('Syncing behaviour failed', error));
  }

  /**
   * Brings the state up to every event acknowledged before the call: finds the rules in use,
   * loads specs new to it, catches every spec up to the watermark, prunes days no rule needs and
   * drops specs no rule uses. One at a time; a call during a run waits for the next full run.
   */
  sync(): Promise<void> {
    if (this.running) {
      const next = () => {
        this.again = null;
        return this.sync();
      };
      this.again ??= this.running.then(next, next);
      return this.again;
    }
    this.running = this.run().finally(() => (this.running = null));
    return this.running;
  }

  /** Loads the specs of rules not held by any saved segment (reach of a candidate), then syncs. */
  async prepare(rules: readonly BehaviourRuleInUse[]): Promise<void> {
    const now = Date.now();
    let missing = false;
    for (const rule of rules) {
      if (!this.specs.has(rule.spec.id)) missing = true;
      if (!this.rules.some((r) => r.id === rule.id)) this.extra.set(rule.id, { rule, at: now });
    }
    if (missing) await this.sync();
  }

  /** `{ [ruleId]: holds }` for the user; a rule whose spec is not loaded yet does not hold. */
  factsFor(environmentId: string, targetingKey: string, rules: readonly BehaviourRuleInUse[], now: Date): Record<string, boolean> {
    const today = dayOf(now);
    const user = this.users.get(environmentId)?.get(targetingKey);
    const facts: Record<string, boolean> = {};
    for (const { id, rule, spec } of rules) {
      const { loaded, tally, seen } = this.observe(rule, spec, user, today);
      facts[id] = loaded && behaviourRuleHolds(rule, tally, seen, today);
    }
    return facts;
  }

  /** Each rule with what was observed for the user and whether it holds (the preview's trace). */
  explain(environmentId: string, targetingKey: string, rules: readonly BehaviourRuleInUse[], now: Date): BehaviourExplanation[] {
    const today = dayOf(now);
    const user = this.users.get(environmentId)?.get(targetingKey);
    return rules.map(({ id, rule, spec, segmentIds, segmentNames }) => {
      const { loaded, tally, seen } = this.observe(rule, spec, user, today);
      return {
        ruleId: id,
        segmentIds,
        segmentNames,
        description: describeBehaviourRule(rule),
        observed: loaded ? describeObserved(rule, tally, seen) : 'not loaded yet',
        holds: loaded && behaviourRuleHolds(rule, tally, seen, today),
      };
    });
  }

  /** What the state holds, for the benchmark's memory per user. */
  memoryStats(): BehaviourMemoryStats {
    let users = 0;
    let entries = 0;
    for (const byKey of this.users.values()) {
      users += byKey.size;
      for (const user of byKey.values()) for (const tallies of user) if (tallies) entries += tallies.length === 2 ? 1 : dayEntries(tallies);
    }
    return { users, specs: this.specs.size, dayEntries: entries };
  }

  /** The user's tally over the rule's window on `today` (or first/last seen); loaded: false while the spec is not. */
  private observe(rule: BehaviourRuleInUse['rule'], spec: BehaviourSpec, user: UserState | undefined, today: number) {
    const loaded = this.specs.get(spec.id);
    const slot = loaded ? user?.[loaded.slot] : undefined;
    if (spec.id === 'seen') return { loaded: loaded !== undefined, tally: null, seen: seenOf(slot) };
    const [from, to] = windowDays(rule.window, today);
    return { loaded: loaded !== undefined, tally: tallyOver(slot, from, to), seen: null };
  }

  private async run(): Promise<void> {
    const { store, clock } = this.services;
    const version = await store.configVersion.get();
    if (version !== this.rulesVersion) {
      this.rules = await rulesInUse(store);
      this.rulesVersion = version;
    }
    for (const [id, { at }] of this.extra) if (Date.now() - at > EXTRA_RULE_TTL_MS) this.extra.delete(id);
    const rules = [...this.rules, ...[...this.extra.values()].map((e) => e.rule)];
    const today = dayOf(clock.now());
    // Per spec, the first day any of its rules needs.
    const needed = new Map<string, { spec: BehaviourSpec; fromDay: number }>();
    for (const { rule, spec } of rules) {
      const fromDay = earliestDayNeeded([rule], today);
      const known = needed.get(spec.id);
      if (!known || fromDay < known.fromDay) needed.set(spec.id, { spec, fromDay });
    }
    for (const [id, loaded] of this.specs) if (!needed.has(id)) await this.drop(loaded);
    if (needed.size === 0) return;
    const high = await store.behaviour.watermark();
    for (const { spec, fromDay } of needed.values()) {
      const loaded = this.specs.get(spec.id);
      // A new rule reaching further back than what is kept: load the spec again.
      if (loaded && (spec.id === 'seen' || fromDay >= loaded.fromDay)) continue;
      if (loaded) await this.drop(loaded);
      await this.load(spec, fromDay, high);
    }
    await this.catchUp(high);
    if (this.prunedDay !== today) {
      for (const loaded of this.specs.values()) loaded.fromDay = Math.max(loaded.fromDay, needed.get(loaded.spec.id)?.fromDay ?? loaded.fromDay);
      await this.prune();
      this.prunedDay = today;
    }
  }

  private userOf(environmentId: string, targetingKey: string): UserState {
    let byKey = this.users.get(environmentId);
    if (!byKey) this.users.set(environmentId, (byKey = new Map()));
    let user = byKey.get(targetingKey);
    if (!user) byKey.set(targetingKey, (user = []));
    return user;
  }

  private async load(spec: BehaviourSpec, fromDay: number, high: number): Promise<void> {
    const slot = this.freeSlots.pop() ?? this.nextSlot++;
    const { behaviour } = this.services.store;
    if (spec.id === 'seen') {
      await behaviour.loadSeen(undefined, high, (rows) =>
        inSlices(rows, (row) => {
          this.userOf(row.environmentId, row.targetingKey)[slot] = [row.firstDay, row.lastDay];
        }),
      );
    } else {
      await behaviour.loadTallies(spec, undefined, fromDay, high, (rows) =>
        inSlices(rows, (row) => {
          const user = this.userOf(row.environmentId, row.targetingKey);
          user[slot] = addToDay(user[slot], row.day, row.count, row.sum, row.valued);
        }),
      );
    }
    this.specs.set(spec.id, { spec, slot, fromDay, cursor: high });
  }

  /** Applies the events after each spec's cursor up to `high`, in pages. */
  private async catchUp(high: number): Promise<void> {
    const behind = [...this.specs.values()].filter((s) => s.cursor < high);
    if (behind.length === 0) return;
    const names = behind.some((s) => s.spec.event === null) ? null : [...new Set(behind.map((s) => s.spec.event as string))];
    let after = Math.min(...behind.map((s) => s.cursor));
    for (;;) {
      const events = await this.services.store.behaviour.eventsSince(after, high, names, CATCH_UP_PAGE);
      await inSlices(events, (event) => this.apply(event, behind));
      if (events.length < CATCH_UP_PAGE) break;
      after = events[events.length - 1].seq;
    }
    for (const loaded of behind) loaded.cursor = high;
  }

  private apply(event: BehaviourEvent, specs: LoadedSpec[]): void {
    const day = dayOf(event.ts);
    for (const loaded of specs) {
      if (event.seq <= loaded.cursor) continue;
      const { spec } = loaded;
      if (spec.id === 'seen') {
        const user = this.userOf(event.environmentId, event.targetingKey);
        user[loaded.slot] = addSeen(user[loaded.slot], day);
        continue;
      }
      if (event.type !== 'track' || event.event !== spec.event || day < loaded.fromDay || !matchesFilters(event.properties, spec.filters)) continue;
      const n = summedNumber(spec, event.value, event.properties);
      const user = this.userOf(event.environmentId, event.targetingKey);
      user[loaded.slot] = addToDay(user[loaded.slot], day, 1, n ?? 0, n === null ? 0 : 1);
    }
  }

  /** Forgets a spec: its slot is cleared in every user and reused. */
  private async drop(loaded: LoadedSpec): Promise<void> {
    this.specs.delete(loaded.spec.id);
    await this.eachUser((user) => {
      user[loaded.slot] = undefined;
    });
    this.freeSlots.push(loaded.slot);
  }

  /** Drops days before each spec's first needed day, and users left with nothing. */
  private async prune(): Promise<void> {
    const specs = [...this.specs.values()].filter((s) => s.spec.id !== 'seen');
    await this.eachUser((user) => {
      for (const loaded of specs) {
        const tallies = user[loaded.slot];
        if (tallies && pruneBefore(tallies, loaded.fromDay) === 0) user[loaded.slot] = undefined;
      }
    });
  }

  /** Visits every user in slices; deletes users left empty. */
  private async eachUser(visit: (user: UserState) => void): Promise<void> {
    let visited = 0;
    for (const byKey of this.users.values()) {
      for (const [key, user] of byKey) {
        visit(user);
        if (user.every((t) => t === undefined)) byKey.delete(key);
        if (++visited % SLICE_ROWS === 0) await breather();
      }
    }
  }
}
