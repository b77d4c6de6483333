import type { z } from 'zod';
import type { ExperimentStatus } from '../../../shared/contract/experiments';
import type { createMetricBodySchema, Metric, updateMetricBodySchema } from '../../../shared/contract/metrics';
import { randomId } from '../../lib/crypto';
import { badRequest, conflict, notFound, UniqueViolation } from '../../lib/errors';
import type { Services } from '../../services';
import type { Store } from '../../store/types';
import { recordAudit, type Actor } from '../audit/audit-service';

type CreateBody = z.output<typeof createMetricBodySchema>;
type UpdateBody = z.output<typeof updateMetricBodySchema>;

/** Experiments in these states still compute (or are about to compute) their metrics. */
const LIVE_STATUSES: readonly ExperimentStatus[] = ['scheduled', 'running', 'paused'];

const EDITABLE = ['name', 'description', 'kind', 'event', 'filters', 'denominator', 'numeratorUsesValue', 'direction', 'windowHours'] as const;

export function listMetrics(services: Services, archived: boolean): Promise<Metric[]> {
  return services.store.metrics.list(archived);
}

export async function getMetric(services: Services, id: string): Promise<Metric> {
  const metric = await services.store.metrics.getById(id);
  if (!metric) throw notFound('No such metric');
  return metric;
}

/**
 * Only a ratio has a denominator, and only a ratio can sum its numerator's value (sum and mean
 * always use the value; conversion and count never do), so other kinds store neither.
 */
function normalised(metric: Metric): Metric {
  if (metric.kind === 'ratio') return metric;
  return { ...metric, denominator: null, numeratorUsesValue: false };
}

async function save(services: Services, actor: Actor, before: Metric | null, next: Metric, action: string): Promise<Metric> {
  return services.store.transaction(async (store) => {
    if (before === null) {
      await store.metrics.insert(next);
    } else if (!(await store.metrics.update(next, before.version))) {
      throw await staleVersion(store, next.id);
    }
    await recordAudit(store, services.clock.now(), { actor, action: `metric.${action}`, objectType: 'metric', objectId: next.id, objectLabel: next.name, before, after: next });
    return next;
  });
}

async function staleVersion(store: Store, id: string) {
  return conflict('Someone else saved this metric after you opened it. Reload to see their change.', undefined, { current: await store.metrics.getById(id) });
}

export async function createMetric(services: Services, body: CreateBody, actor: Actor): Promise<Metric> {
  const now = services.clock.now().toISOString();
  const metric = normalised({ id: randomId(), ...body, archivedAt: null, version: 1, createdAt: now, updatedAt: now, updatedBy: actor.name });
  try {
    return await save(services, actor, null, metric, 'created');
  } catch (error) {
    if (error instanceof UniqueViolation) throw conflict('A metric with this key exists already', [{ path: 'key', message: 'This key is taken' }]);
    throw error;
  }
}

/** Archiving is refused while a scheduled, running or paused experiment measures the metric. */
async function assertNotInLiveExperiment(store: Store, metric: Metric): Promise<void> {
  const users = (await store.experiments.list(LIVE_STATUSES)).filter(({ metrics }) =>
    [metrics.primary, ...metrics.secondary, ...metrics.guardrails].includes(metric.id),
  );
  if (users.length > 0) {
    const names = users.map((e) => `“${e.name}”`).join(', ');
    throw conflict(`This metric is measured by ${users.length === 1 ? 'experiment' : 'experiments'} ${names}. Archive it once they have ended.`);
  }
}

export async function updateMetric(services: Services, id: string, body: UpdateBody, actor: Actor): Promise<Metric> {
  const current = await getMetric(services, id);
  if (current.version !== body.expectedVersion) throw await staleVersion(services.store, id);

  const changes: Partial<Metric> = {};
  for (const field of EDITABLE) if (body[field] !== undefined) Object.assign(changes, { [field]: body[field] });
  // The contract checks kind and denominator when both are sent; here the merged metric is checked.
  const kind = changes.kind ?? current.kind;
  if (kind === 'ratio' && (changes.denominator ?? current.denominator) === null) {
    throw badRequest('A ratio needs a denominator event', [{ path: 'denominator', message: 'A ratio needs a denominator event' }]);
  }
  if (kind !== 'ratio' && changes.denominator) {
    throw badRequest('Only ratio metrics have a denominator', [{ path: 'denominator', message: 'Only ratio metrics have a denominator' }]);
  }
  // Leaving ratio drops the stored denominator.
  const merged = normalised({ ...current, ...changes });

  const archiving = body.archived !== undefined && body.archived !== (current.archivedAt !== null);
  const now = services.clock.now().toISOString();
  const archivedAt = archiving ? (body.archived ? now : null) : current.archivedAt;
  const contentChanged = EDITABLE.some((field) => JSON.stringify(merged[field]) !== JSON.stringify(current[field]));
  if (!contentChanged && !archiving) return current;
  if (archiving && body.archived) await assertNotInLiveExperiment(services.store, current);

  const next: Metric = { ...merged, archivedAt, version: current.version + 1, updatedAt: now, updatedBy: actor.name };
  const action = contentChanged ? 'updated' : body.archived ? 'archived' : 'unarchived';
  return save(services, actor, current, next, action);
}
