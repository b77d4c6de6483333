import type { Reach, SegmentDefinition } from '../../../shared/contract/segments';
import { compileSegments, savedGroupsOf, type EvaluationSegment } from '../../../shared/evaluation';
import type { Services } from '../../services';
import { loadEvaluationSegments } from '../../evaluation/load-segments';
import type { KnownUser } from '../../../shared/contract/segments';

export const REACH_WINDOW_DAYS = 30;
/** Up to this many known users the count is exact; above it, a uniform sample of this size. */
export const REACH_SAMPLE_SIZE = 100_000;
const SAMPLE_TTL_MS = 60_000;

const CANDIDATE_ID = '__candidate__';

/**
 * Known users seen in the last 30 days, loaded once a minute at most: the builder asks for reach
 * on every change, and a million-user table should not be read each time.
 */
interface LoadedSample {
  total: number;
  users: KnownUser[];
  /** Each user's attributes with its targetingKey, built once: evaluation reads these. */
  contexts: Record<string, unknown>[];
}

export class KnownUserSample {
  private cached: (LoadedSample & { at: number }) | null = null;
  private loading: Promise<LoadedSample> | null = null;

  constructor(private readonly services: Services) {}

  async get(): Promise<LoadedSample> {
    if (this.cached && Date.now() - this.cached.at < SAMPLE_TTL_MS) return this.cached;
    this.loading ??= (async () => {
      try {
        const since = new Date(this.services.clock.now().getTime() - REACH_WINDOW_DAYS * 86_400_000).toISOString();
        const { total, users } = await this.services.store.knownUsers.sample(since, REACH_SAMPLE_SIZE);
        const contexts = users.map((user) => ({ ...user.attributes, targetingKey: user.targetingKey }));
        this.cached = { at: Date.now(), total, users, contexts };
        return this.cached;
      } finally {
        this.loading = null;
      }
    })();
    return this.loading;
  }

  /** New users were recorded: an exact (small) sample reloads so reach counts them at once; a large one waits for its minute. */
  usersRecorded(): void {
    if (this.cached && this.cached.total < REACH_SAMPLE_SIZE) this.cached = null;
  }
}

/** Segments as evaluation sees them, with a candidate definition added under a reserved id. */
async function evaluationSegments(services: Services, candidate?: SegmentDefinition): Promise<EvaluationSegment[]> {
  const segments = await loadEvaluationSegments(services.store);
  return candidate ? [...segments, { id: CANDIDATE_ID, name: 'This segment', definition: candidate }] : segments;
}

export async function predicateFor(services: Services, definition: SegmentDefinition) {
  const segments = await evaluationSegments(services, definition);
  const now = services.clock.now();
  return compileSegments(segments, savedGroupsOf(segments, now), now).get(CANDIDATE_ID)!;
}

export async function computeReach(services: Services, sample: KnownUserSample, definition: SegmentDefinition): Promise<Reach> {
  const started = performance.now();
  const [predicate, { total, contexts }] = await Promise.all([predicateFor(services, definition), sample.get()]);
  let hits = 0;
  for (const context of contexts) if (predicate(context)) hits++;
  const n = contexts.length;
  const share = n === 0 ? 0 : hits / n;
  const exact = n === total;
  // 95% normal interval on the sampled share, with the finite-population correction.
  const margin = exact || n === 0 ? 0 : 1.96 * Math.sqrt((share * (1 - share)) / n) * Math.sqrt((total - n) / Math.max(total - 1, 1)) * total;
  return {
    matched: exact ? hits : Math.round(share * total),
    total,
    share,
    exact,
    margin: Math.round(margin),
    sampleSize: n,
    computedMs: Math.round((performance.now() - started) * 10) / 10,
  };
}

/** A sample of known users in a segment ("who is in it"). */
export async function membersOf(services: Services, sample: KnownUserSample, definition: SegmentDefinition, limit: number): Promise<KnownUser[]> {
  const [predicate, { users, contexts }] = await Promise.all([predicateFor(services, definition), sample.get()]);
  const members: KnownUser[] = [];
  for (let i = 0; i < users.length && members.length < limit; i++) if (predicate(contexts[i])) members.push(users[i]);
  return members;
}
