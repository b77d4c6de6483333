import type { CompiledConfig, EvaluationResult } from '../../shared/evaluation';
import type { CoreServices } from '../services';
import type { ExposureRecord } from '../store/types';
import { FingerprintSet, MembershipBudget } from './fingerprint-set';

const FLUSH_INTERVAL_MS = 1000;
const MAX_PENDING = 100_000;
// Rows per statement: small enough that one write never holds the database long (other
// statements queue behind it), large enough to keep the per-statement cost low.
const CHUNK = 1000;
// Stored exposures read per statement when an experiment starts being tracked.
const LOAD_PAGE = 10_000;

/**
 * Records the first time server-side evaluation places a user in a running experiment, off the
 * response path: exposures collect in memory and go to the database in one statement per flush.
 * It also answers "was this user exposed before?" for sticky membership, from the users this
 * process has seen plus each running experiment's stored exposures, loaded once when it appears.
 *
 * Memory: the exposed users are kept as 64-bit fingerprints (FingerprintSet, 11-21 bytes a user),
 * at most `exposureMemoryMaxUsers` (EXPOSURE_MEMORY_MAX_USERS) over all running experiments of
 * the process. Past that cap, users not yet remembered are still served and their exposures
 * still written, but not remembered: each of their evaluations queues the exposure again, and the
 * exposures table's unique key keeps one row (with the first time) per user, so results stay
 * right at the cost of more writes. Their sticky membership is lost: they get what the hash and
 * the experiment's current audience, layer and allocation give them, the same variant unless
 * those changed or the user's attributes moved them out. A warning is logged once.
 */
export class ExposureRecorder {
  private pending: ExposureRecord[] = [];
  /** experiment id -> users known to be exposed (loaded from the store and seen since). */
  private exposed = new Map<string, FingerprintSet>();
  private loading = new Map<string, Promise<void>>();
  private lastFlush = Date.now();
  private flushing: Promise<void> | null = null;
  private readonly budget: MembershipBudget;
  private warnedFull = false;
  private warnedBehind = false;

  constructor(private readonly services: Pick<CoreServices, 'store' | 'clock' | 'config' | 'log'>) {
    this.budget = new MembershipBudget(services.config.exposureMemoryMaxUsers);
  }

  /** Sticky membership lookup for compiled configurations. */
  readonly wasExposed = (experimentId: string, targetingKey: string): boolean => this.exposed.get(experimentId)?.has(targetingKey) ?? false;

  /** Users remembered over all running experiments, and the bytes their tables take (for benches and tests). */
  get remembered(): { users: number; bytes: number; limit: number } {
    let bytes = 0;
    for (const users of this.exposed.values()) bytes += users.bytes;
    return { users: this.budget.used, bytes, limit: this.budget.limit };
  }

  /** environment id -> the running experiments its last compiled configuration had. */
  private tracked = new Map<string, Set<string>>();

  /**
   * Starts loading stored exposures of an environment's running sticky experiments not loaded
   * yet; forgets those of its experiments that stopped running (other environments' stay).
   */
  track(environmentId: string, running: CompiledConfig['runningExperiments']): void {
    const ids = new Set(running.map((e) => e.id));
    for (const id of this.tracked.get(environmentId) ?? []) if (!ids.has(id)) this.forget(id);
    this.tracked.set(environmentId, ids);
    for (const experiment of running) {
      if (this.exposed.has(experiment.id) || this.loading.has(experiment.id)) continue;
      this.exposed.set(experiment.id, new FingerprintSet(this.budget));
      if (!experiment.sticky) continue;
      const load = this.loadStored(experiment.id)
        .catch((error) => this.services.log('Could not load exposures', error))
        .finally(() => this.loading.delete(experiment.id));
      this.loading.set(experiment.id, load);
    }
  }

  /** Notes the experiments these results placed the user in; cheap when nothing is new. */
  observe(config: CompiledConfig, targetingKey: string, results: readonly EvaluationResult[] | EvaluationResult): void {
    if (config.runningExperiments.length === 0) return;
    const list = Array.isArray(results) ? results : [results as EvaluationResult];
    let now: string | null = null;
    for (const result of list) {
      const exposure = config.exposureOf(result);
      if (!exposure) continue;
      let users = this.exposed.get(exposure.experimentId);
      if (!users) this.exposed.set(exposure.experimentId, (users = new FingerprintSet(this.budget)));
      if (users.has(targetingKey)) continue;
      // The database is behind: leave this user unmarked so a later evaluation records them.
      if (this.pending.length >= MAX_PENDING) {
        this.warnBehind();
        continue;
      }
      // Past the cap the user stays unmarked and is queued again at each evaluation (see above).
      if (users.add(targetingKey) === 'full') this.warnFull();
      now ??= this.services.clock.now().toISOString();
      this.pending.push({ experimentId: exposure.experimentId, targetingKey, variant: exposure.variant, firstSeenAt: now });
    }
    if (this.pending.length > 0 && Date.now() - this.lastFlush > FLUSH_INTERVAL_MS) void this.flush();
  }

  /** Resolves when the stored exposures of the experiments tracked so far are loaded (tests). */
  async loaded(): Promise<void> {
    while (this.loading.size > 0) await Promise.all(this.loading.values());
  }

  /** Adds an experiment's stored exposures to its set, a page at a time (each page a few ms of this thread). */
  private async loadStored(experimentId: string): Promise<void> {
    const users = this.exposed.get(experimentId);
    for (let after: string | null = null; users; ) {
      const page = await this.services.store.exposures.exposedUsersAfter(experimentId, after, LOAD_PAGE);
      // Stopped running meanwhile: its set was released.
      if (this.exposed.get(experimentId) !== users) return;
      for (const key of page) if (users.add(key) === 'full') return this.warnFull();
      if (page.length < LOAD_PAGE) return;
      after = page[page.length - 1];
    }
  }

  /** Drops an experiment that stopped running: its users' room goes back to the cap. */
  private forget(experimentId: string): void {
    this.exposed.get(experimentId)?.release();
    this.exposed.delete(experimentId);
  }

  private warnFull(): void {
    if (this.warnedFull) return;
    this.warnedFull = true;
    this.services.log(
      `Exposures: ${this.budget.limit} users remembered (EXPOSURE_MEMORY_MAX_USERS); users exposed from now on are not remembered in memory: ` +
        'their exposures are still recorded (written again at each evaluation, stored once) but their sticky membership is not kept',
    );
  }

  private warnBehind(): void {
    if (this.warnedBehind) return;
    this.warnedBehind = true;
    this.services.log(
      `Exposures: ${MAX_PENDING} wait for the database, which is behind; users exposed meanwhile are recorded at their next evaluation ` +
        '(results count them from then, and a user who never comes back is not counted). On the embedded database, a busy server ' +
        'with many running experiments can write fewer exposures a second than it serves new users: PostgreSQL (DATABASE_URL) writes more',
    );
  }

  /** Writes what is pending; the Node entry calls it on a timer and at shutdown, tests directly. */
  async flush(): Promise<void> {
    if (this.flushing) await this.flushing;
    this.lastFlush = Date.now();
    const batch = this.pending;
    if (batch.length === 0) return;
    this.pending = [];
    this.flushing = (async () => {
      for (let start = 0; start < batch.length; start += CHUNK) {
        const chunk = batch.slice(start, start + CHUNK);
        try {
          await this.services.store.exposures.record(chunk);
        } catch (error) {
          // Forget them so a later evaluation records them again.
          for (const e of chunk) this.exposed.get(e.experimentId)?.delete(e.targetingKey);
          this.services.log('Could not record exposures', error);
        }
      }
      this.flushing = null;
    })();
    return this.flushing;
  }
}
