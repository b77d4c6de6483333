import type { Experiment } from '../../../shared/contract/experiments';
import type { Metric } from '../../../shared/contract/metrics';
import type { Services } from '../../services';
import type { Store } from '../../store/types';

/** The experiment's metric ids (primary, secondary, guardrails, once each) and those that exist. */
export async function experimentMetrics(store: Store, experiment: Experiment): Promise<{ ids: string[]; found: Metric[] }> {
  const { primary, secondary, guardrails } = experiment.metrics;
  const ids = [...new Set([primary, ...secondary, ...guardrails].filter((id): id is string => Boolean(id)))];
  return { ids, found: await store.metrics.getByIds(ids) };
}

/**
 * Keeps the per-user rollups of running and paused experiments current as events arrive, so
 * opening results reads one row per user instead of joining every event. Each refresh touches
 * only the users with new events or exposures; it is the same refresh a results request makes
 * first, with the same spec, so the two never rebuild each other's work.
 */
export async function refreshRunningRollups(services: Services): Promise<number> {
  let users = 0;
  for (const experiment of await services.store.experiments.list(['running', 'paused'])) {
    const { found } = await experimentMetrics(services.store, experiment);
    const refreshed = await services.store.results.refreshRollups({ experimentId: experiment.id, metrics: found, to: experiment.endedAt });
    users += refreshed.users;
  }
  return users;
}
