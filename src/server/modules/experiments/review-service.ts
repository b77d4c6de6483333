import type { Experiment, ExperimentReview } from '../../../shared/contract/experiments';
import type { TargetingRule } from '../../../shared/contract/parameters';
import type { Services } from '../../services';
import type { Store } from '../../store/types';
import { parametersByKey, startProblems, touchedKeys } from './experiment-checks';
import { getExperiment } from './experiments-service';
import { audienceReach } from './promotion-service';

type Audience = TargetingRule['audience'];

/** Experiments that serve or will serve values: they can collide with this one. */
const LIVE: readonly Experiment['status'][] = ['scheduled', 'running', 'paused'];

/**
 * The review step: what would stop the experiment from starting, what else serves the same
 * parameters to possibly the same users, and how many known users it reaches. Audiences are
 * listed as possibly overlapping: conditions over attributes cannot be proven disjoint in general.
 */
export async function reviewExperiment(services: Services, id: string): Promise<ExperimentReview> {
  const { store } = services;
  const experiment = await getExperiment(store, id);
  const notStarted = experiment.status === 'draft' || experiment.status === 'scheduled';
  const problems = notStarted ? await startProblems(store, experiment, services.clock.now(), 'start') : [];
  const [collisions, reach] = await Promise.all([collisionsOf(store, experiment), audienceReach(services, experiment.audience)]);
  return { problems, collisions, reach };
}

async function collisionsOf(store: Store, experiment: Experiment): Promise<ExperimentReview['collisions']> {
  const keys = touchedKeys(experiment.variants);
  const collisions: ExperimentReview['collisions'] = [];
  const segmentNames = new Map((await store.segments.list(false)).map((s) => [s.id, s.name]));
  const describe = (audience: Audience) =>
    audience.kind === 'everyone' ? 'everyone' : audience.kind === 'segment' ? `segment "${segmentNames.get(audience.segmentId) ?? audience.segmentId}"` : 'a custom condition';

  for (const other of await store.experiments.list(LIVE, experiment.environmentId)) {
    if (other.id === experiment.id) continue;
    // Experiments sharing a layer never share a user.
    if (experiment.layer && other.layer?.name === experiment.layer.name) continue;
    const shared = touchedKeys(other.variants).filter((key) => keys.includes(key));
    if (shared.length === 0) continue;
    for (const parameterKey of shared) {
      collisions.push({
        kind: 'experiment',
        label: `${other.name} (${other.status})`,
        parameterKey,
        detail: `Also changes this parameter for ${describe(other.audience)}; a user in both gets the experiment that started first. Put both in one layer to keep them apart.`,
      });
    }
  }
  for (const parameter of (await parametersByKey(store, keys, experiment.environmentId)).values()) {
    parameter.rules.forEach((rule, index) => {
      if (!rule.enabled) return;
      collisions.push({
        kind: 'rule',
        label: rule.description || `Rule ${index + 1}`,
        parameterKey: parameter.key,
        detail: `Serves this parameter to ${describe(rule.audience)}; while the experiment runs, its users get the variant's value instead.`,
      });
    });
  }
  return collisions;
}
