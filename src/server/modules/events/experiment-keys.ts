import type { Services } from '../../services';

/** What an exposure event needs to know about an experiment. */
export interface ExperimentRef {
  id: string;
  key: string;
  /** The environment it runs in: only apps with that environment's keys enter it. */
  environmentId: string;
  variants: string[];
  /** Exposures count only once the experiment has started (drafts only reach test users). */
  started: boolean;
  /** QA devices forced into a variant: their exposures never count. */
  testUsers: Set<string>;
}

const TTL_MS = 5000;

/**
 * Experiments by key for exposure events, remembered for a few seconds so a stream of batches
 * does not read the same experiment every time. Only found experiments are remembered, and a
 * miss (unknown key or variant) always asks the store again: an experiment created or changed a
 * moment ago must never be refused because of a stale entry. Dropped on every config change.
 */
export class ExperimentKeys {
  private readonly cache = new Map<string, { ref: ExperimentRef; until: number }>();

  constructor(private readonly services: Services) {
    services.onConfigChanged(() => this.cache.clear());
  }

  /** The experiment with `key` if it has `variant` (as far as a fresh read can tell), else why not. */
  async resolve(key: string, variant: string): Promise<{ ref: ExperimentRef } | { problem: 'experiment' | 'variant'; ref?: ExperimentRef }> {
    const now = this.services.clock.now().getTime();
    const cached = this.cache.get(key);
    if (cached && cached.until > now && cached.ref.variants.includes(variant)) return { ref: cached.ref };
    const experiment = await this.services.store.experiments.getByKey(key);
    if (!experiment) {
      this.cache.delete(key);
      return { problem: 'experiment' };
    }
    const ref = {
      id: experiment.id,
      key: experiment.key,
      environmentId: experiment.environmentId,
      variants: experiment.variants.map((v) => v.key),
      started: experiment.startedAt !== null,
      testUsers: new Set(experiment.testUsers.map((u) => u.targetingKey)),
    };
    this.cache.set(key, { ref, until: now + TTL_MS });
    return ref.variants.includes(variant) ? { ref } : { problem: 'variant', ref };
  }
}

const perApp = new WeakMap<Services, ExperimentKeys>();

/** One cache per app (Services), created on first use. */
export function experimentKeysOf(services: Services): ExperimentKeys {
  let keys = perApp.get(services);
  if (!keys) perApp.set(services, (keys = new ExperimentKeys(services)));
  return keys;
}
