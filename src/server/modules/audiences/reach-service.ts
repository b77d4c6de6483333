import { PRODUCTION_ENVIRONMENT_ID } from '../../../shared/contract/environments';
import type { Reach, SegmentDefinition } from '../../../shared/contract/segments';
import { behaviourRulesInUse, compileSegments, savedGroupsOf, type EvaluationSegment } from '../../../shared/evaluation';
import { BEHAVIOUR_ATTRIBUTE } from '../../../shared/behaviour/behaviour-rule';
import type { CoreServices, Services } from '../../services';
import { loadEvaluationSegments } from '../../evaluation/load-segments';
import type { KnownUser } from '../../../shared/contract/segments';
import { pacedLoop, pacedMap, type PacedLoopOptions, type WorkBudget } from './paced-loop';
import { ReachGate } from './reach-gate';

export const REACH_WINDOW_DAYS = 30;
/** Up to this many known users the count is exact; above it, a uniform sample of this size. */
export const REACH_SAMPLE_SIZE = 100_000;
const SAMPLE_TTL_MS = 60_000;

/**
 * What one reach or "who is in it" request may spend: 1 s of the thread in slices, and 5 s from
 * start to finish. An ordinary definition counts 100,000 users well within it (~0.1-0.5 s); a
 * pattern costing milliseconds per test runs out and answers from the users it tested so far, a
 * uniform sample, with its margin.
 */
export const REACH_BUDGET: WorkBudget = { maxWorkMs: 1000, maxWallMs: 5000 };
/** Computations at a time per process, and how many more may wait before a 429. */
export const REACH_MAX_RUNNING = 2;
export const REACH_MAX_WAITING = 4;

const CANDIDATE_ID = '__candidate__';

/**
 * Known users seen in the last 30 days, loaded once a minute at most: the builder asks for reach
 * on every change, and a million-user table should not be read each time.
 */
interface LoadedSample {
  total: number;
  /** In random order (shuffled on load), so the users tested before a budget runs out are a uniform sample. */
  users: KnownUser[];
  /** Each user's attributes with its targetingKey, built once: evaluation reads these. */
  contexts: Record<string, unknown>[];
}

/** Fisher-Yates in place on both arrays together. */
async function shuffleTogether<A, B>(a: A[], b: B[]): Promise<void> {
  // Fisher-Yates from the end, in slices: 100,000 swaps held the event loop for tens of ms.
  await pacedLoop(a.length - 1, (k) => {
    const i = a.length - 1 - k;
    const j = Math.floor(Math.random() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
    [b[i], b[j]] = [b[j], b[i]];
    return true;
  }, { budget: { maxWorkMs: Infinity, maxWallMs: Infinity } });
}

/** Known users are per environment, so each environment has its own sample. */
export class KnownUserSample {
  private cached = new Map<string, LoadedSample & { at: number }>();
  private loading = new Map<string, Promise<LoadedSample>>();
  /** Every reach and member listing of this app goes through here. */
  readonly gate = new ReachGate(REACH_MAX_RUNNING, REACH_MAX_WAITING, Math.ceil(REACH_BUDGET.maxWallMs / 1000));

  constructor(private readonly services: Pick<CoreServices, 'store' | 'clock'>) {}

  async get(environmentId: string = PRODUCTION_ENVIRONMENT_ID): Promise<LoadedSample> {
    const cached = this.cached.get(environmentId);
    if (cached && Date.now() - cached.at < SAMPLE_TTL_MS) return cached;
    let loading = this.loading.get(environmentId);
    if (!loading) {
      loading = (async () => {
        try {
          const since = new Date(this.services.clock.now().getTime() - REACH_WINDOW_DAYS * 86_400_000).toISOString();
          const { total, users } = await this.services.store.knownUsers.sample(environmentId, since, REACH_SAMPLE_SIZE);
          // In slices: 100,000 contexts take tens of ms to build.
          // Without a BEHAVIOUR_ATTRIBUTE an app sent before the server refused it: only the state says what users did.
          const contexts = await pacedMap(users, (user): Record<string, unknown> => ({ ...user.attributes, [BEHAVIOUR_ATTRIBUTE]: undefined, targetingKey: user.targetingKey }));
          await shuffleTogether(users, contexts);
          const loaded = { at: Date.now(), total, users, contexts };
          this.cached.set(environmentId, loaded);
          return loaded;
        } finally {
          this.loading.delete(environmentId);
        }
      })();
      this.loading.set(environmentId, loading);
    }
    return loading;
  }

  /** New users were recorded: an exact (small) sample reloads so reach counts them at once; a large one waits for its minute. */
  usersRecorded(): void {
    for (const [environmentId, cached] of this.cached) if (cached.total < REACH_SAMPLE_SIZE) this.cached.delete(environmentId);
  }
}

/** Segments as evaluation sees them, with a candidate definition added under a reserved id. */
async function evaluationSegments(services: Services, candidate?: SegmentDefinition): Promise<EvaluationSegment[]> {
  const segments = await loadEvaluationSegments(services.store);
  return candidate ? [...segments, { id: CANDIDATE_ID, name: 'This segment', definition: candidate }] : segments;
}

/**
 * The candidate's test of a known user's context, with the user's behavioural facts when any
 * segment holds behavioural rules (exact for known users: the state holds every user's events).
 * The candidate's own rules are loaded first if no saved segment uses them yet.
 */
async function memberTest(services: Services, definition: SegmentDefinition, environmentId: string): Promise<(context: Record<string, unknown>) => boolean> {
  const segments = await evaluationSegments(services, definition);
  const now = services.clock.now();
  const predicate = compileSegments(segments, savedGroupsOf(segments, now), now).get(CANDIDATE_ID)!;
  const rules = behaviourRulesInUse(segments);
  if (rules.length === 0) return predicate;
  await services.behaviour.prepare(rules);
  return (context) => predicate({ ...context, [BEHAVIOUR_ATTRIBUTE]: services.behaviour.factsFor(environmentId, context.targetingKey as string, rules, now) });
}

/**
 * Half-width of the 95% Wilson interval on a sampled share: about the normal one for large
 * samples, but not zero when a few users tested all miss (or all match).
 */
function wilsonHalfWidth(share: number, n: number): number {
  const z2 = 1.96 * 1.96;
  return (1.96 / (1 + z2 / n)) * Math.sqrt((share * (1 - share)) / n + z2 / (4 * n * n));
}

/**
 * Whose known users (the environment's; Production when left out), and test seams: a budget,
 * clock and yield of their own (the defaults are REACH_BUDGET and real time).
 */
export type ReachRunOptions = Partial<PacedLoopOptions> & { environmentId?: string };

export async function computeReach(services: Services, sample: KnownUserSample, definition: SegmentDefinition, options: ReachRunOptions = {}): Promise<Reach> {
  return sample.gate.run(async () => {
    const started = performance.now();
    const [predicate, { total, contexts }] = await Promise.all([memberTest(services, definition, options.environmentId ?? PRODUCTION_ENVIRONMENT_ID), sample.get(options.environmentId)]);
    let hits = 0;
    const { visited: n } = await pacedLoop(contexts.length, (i) => (predicate(contexts[i]) && hits++, true), { budget: REACH_BUDGET, ...options });
    const share = n === 0 ? 0 : hits / n;
    const exact = n === total;
    // The users tested are a uniform sample of the population whether the load sampled or the
    // budget stopped (then it can be a handful of users, so the interval must hold for small n).
    const margin = exact || n === 0 ? 0 : wilsonHalfWidth(share, n) * Math.sqrt((total - n) / Math.max(total - 1, 1)) * total;
    return {
      matched: exact ? hits : Math.round(share * total),
      total,
      share,
      exact,
      margin: Math.round(margin),
      sampleSize: n,
      computedMs: Math.round((performance.now() - started) * 10) / 10,
    };
  });
}

/** A sample of known users in a segment ("who is in it"): as many as the budget finds, up to `limit`. */
export async function membersOf(services: Services, sample: KnownUserSample, definition: SegmentDefinition, limit: number, options: ReachRunOptions = {}): Promise<KnownUser[]> {
  return sample.gate.run(async () => {
    const [predicate, { users, contexts }] = await Promise.all([memberTest(services, definition, options.environmentId ?? PRODUCTION_ENVIRONMENT_ID), sample.get(options.environmentId)]);
    const members: KnownUser[] = [];
    await pacedLoop(users.length, (i) => (predicate(contexts[i]) && members.push(users[i]), members.length < limit), { budget: REACH_BUDGET, ...options });
    return members;
  });
}
