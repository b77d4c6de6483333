import type { z } from 'zod';
import {
  transitions,
  type createExperimentBodySchema,
  type Experiment,
  type ExperimentAction,
  type listExperimentsQuerySchema,
  type updateExperimentBodySchema,
} from '../../../shared/contract/experiments';
import { randomId, randomToken } from '../../lib/crypto';
import { badRequest, conflict, notFound, UniqueViolation, type AppError } from '../../lib/errors';
import { definedOnly } from '../../lib/objects';
import type { Services } from '../../services';
import type { Store } from '../../store/types';
import { recordAudit, type Actor } from '../audit/audit-service';
import { resolveEnvironment, writableEnvironment } from '../environments/environments-service';
import { NO_BYPASS, requireApprovalOrBypass, type WriteApproval } from '../environments/approval-guard';
import { layerRangeFor, lockedVariantChanges, overrideProblems, referenceProblems, startProblems } from './experiment-checks';
import { emitWebhookEvent } from '../webhooks/emit';
import { autoShipProblems } from './auto-ship-rules';

type CreateBody = z.output<typeof createExperimentBodySchema>;
type UpdateBody = z.output<typeof updateExperimentBodySchema>;

/** One environment's experiments when `environment` is given, else every environment's. */
export async function listExperiments(services: Services, query: z.output<typeof listExperimentsQuerySchema>): Promise<Experiment[]> {
  const environmentId = query.environment ? (await resolveEnvironment(services.store, query.environment)).id : undefined;
  // A guarded rollout's hidden experiment is the rollout's business: it is listed with rollouts.
  const all = (await services.store.experiments.list(query.status ? [query.status] : undefined, environmentId)).filter((e) => !e.rolloutId);
  const search = query.search?.trim().toLowerCase();
  if (!search) return all;
  return all.filter((e) => [e.key, e.name, e.hypothesis, e.owner, ...e.tags].some((text) => text.toLowerCase().includes(search)));
}

/** By id, or by key (the simulator and scripts know the key). */
export async function getExperiment(store: Store, idOrKey: string): Promise<Experiment> {
  const experiment = (await store.experiments.getById(idOrKey)) ?? (await store.experiments.getByKey(idOrKey));
  if (!experiment) throw notFound('No such experiment');
  return experiment;
}

/** The experiment behind a guarded rollout moves only with its rollout (its actions), never by hand. */
export function assertNotManagedByRollout(experiment: Experiment): void {
  if (experiment.rolloutId) {
    throw conflict(`This experiment belongs to a guarded rollout: use the rollout's actions (POST /api/rollouts/${experiment.rolloutId}/actions/...)`, undefined, { rolloutId: experiment.rolloutId });
  }
}

async function assertSavable(store: Store, experiment: Experiment): Promise<void> {
  const problems = [
    ...(await overrideProblems(store, experiment.variants, experiment.environmentId)),
    ...(await referenceProblems(store, experiment)),
    ...(await autoShipProblems(store, experiment)),
  ];
  const variantKeys = new Set(experiment.variants.map((v) => v.key));
  experiment.testUsers.forEach((user, i) => {
    if (!variantKeys.has(user.variant)) problems.push({ path: `testUsers.${i}.variant`, message: 'Choose one of the variants' });
  });
  if (problems.length > 0) throw badRequest('The experiment has invalid fields', problems);
}

/** Writes the experiment with its audit entry and a config bump (evaluation depends on it), atomically. */
export async function saveExperiment(store: Store, services: Services, actor: Actor, action: string, before: Experiment | null, next: Experiment): Promise<Experiment> {
  if (before === null) await store.experiments.insert(next);
  else if (!(await store.experiments.update(next, before.version))) throw await stale(store, next.id);
  await recordAudit(store, services.clock.now(), {
    actor,
    action: `experiment.${action}`,
    objectType: 'experiment',
    objectId: next.id,
    objectLabel: next.key,
    before,
    after: next,
  });
  await store.configVersion.bump(next.environmentId);
  return next;
}

async function stale(store: Store, id: string): Promise<AppError> {
  const current = await store.experiments.getById(id);
  return conflict('Someone else changed this experiment after you opened it. Review their change, then reload or overwrite.', undefined, { current });
}

export async function createExperiment(services: Services, body: CreateBody, actor: Actor): Promise<Experiment> {
  const now = services.clock.now().toISOString();
  const experiment: Experiment = {
    id: randomId(),
    ...body,
    environmentId: (await writableEnvironment(services.store, body.environmentId, 'environmentId')).id,
    tags: [...new Set(body.tags)],
    status: 'draft',
    seed: randomToken(9),
    layerRange: null,
    startedAt: null,
    endedAt: null,
    promotion: null,
    version: 1,
    createdAt: now,
    updatedAt: now,
    updatedBy: actor.name,
  };
  await assertSavable(services.store, experiment);
  try {
    const saved = await services.store.transaction((store) => saveExperiment(store, services, actor, 'created', null, experiment));
    services.configChanged();
    return saved;
  } catch (error) {
    if (error instanceof UniqueViolation) throw conflict('An experiment with this key exists already', [{ path: 'key', message: 'This key is taken' }]);
    throw error;
  }
}

export async function updateExperiment(services: Services, id: string, body: UpdateBody, actor: Actor): Promise<{ experiment: Experiment; warnings: string[] }> {
  const { expectedVersion, ...changes } = body;
  const warnings: string[] = [];
  const saved = await services.store.transaction(async (store) => {
    const current = await getExperiment(store, id);
    assertNotManagedByRollout(current);
    if (current.version !== expectedVersion) throw await stale(store, current.id);
    if (current.status === 'completed' || current.status === 'archived') {
      throw conflict(`A ${current.status} experiment cannot be edited; its results stay as they were`);
    }
    const next: Experiment = { ...current, ...definedOnly(changes), updatedAt: services.clock.now().toISOString(), updatedBy: actor.name, version: current.version + 1 };
    if (changes.tags) next.tags = [...new Set(changes.tags)];
    // The body sets the settings; what auto-ship did so far stays with the experiment.
    if (changes.autoShip) next.autoShip = { ...changes.autoShip, shipped: current.autoShip?.shipped ?? null, problem: null };
    if (current.startedAt !== null) {
      if (lockedVariantChanges(current.variants, next.variants)) {
        throw badRequest('Variants cannot change once the experiment has started', [
          { path: 'variants', message: 'Once started, variants and their values stay fixed (only weights may change). Create a new experiment to test other values.' },
        ]);
      }
      if (current.layer?.name !== next.layer?.name || current.layer?.share !== next.layer?.share) {
        throw badRequest('The layer cannot change once the experiment has started', [{ path: 'layer', message: 'Fixed once started' }]);
      }
      if (current.variants.some((v, i) => v.weight !== next.variants[i].weight)) {
        warnings.push('Changing weights after the start moves new users differently from earlier ones: the populations mix and results may mislead.');
      }
      if (current.allocation !== next.allocation) {
        warnings.push('Changing the traffic allocation after the start mixes populations: users who entered earlier and later differ.');
      }
    }
    await assertSavable(store, next);
    return saveExperiment(store, services, actor, 'updated', current, next);
  });
  services.configChanged();
  return { experiment: saved, warnings };
}

/** Moves an experiment along its lifecycle; start and schedule check that it can run. */
export async function transitionExperiment(
  services: Services,
  id: string,
  action: ExperimentAction,
  expectedVersion: number | null,
  actor: Actor,
  approval: WriteApproval = NO_BYPASS,
): Promise<Experiment> {
  const saved = await services.store.transaction(async (store) => {
    assertNotManagedByRollout(await getExperiment(store, id));
    // Starting (or scheduling a start) changes what apps receive: where the environment requires
    // approval it goes through a change request. Pausing and completing stay direct: they stop exposure.
    if (action === 'start' || action === 'schedule' || action === 'resume') {
      const experiment = await getExperiment(store, id);
      const object = { type: 'experiment' as const, id: experiment.id, label: experiment.key };
      await requireApprovalOrBypass(store, services, actor, experiment.environmentId, `starting "${experiment.name}"`, approval, object);
    }
    return applyTransition(store, services, id, action, expectedVersion, actor);
  });
  services.configChanged();
  return saved;
}

/** The transition inside a caller's transaction (the scheduler passes expectedVersion null). */
export async function applyTransition(
  store: Store,
  services: Services,
  id: string,
  action: ExperimentAction,
  expectedVersion: number | null,
  actor: Actor,
): Promise<Experiment> {
  const current = await getExperiment(store, id);
  if (expectedVersion !== null && current.version !== expectedVersion) throw await stale(store, current.id);
  const rule = transitions[action];
  if (!rule.from.includes(current.status)) {
    throw conflict(`A ${current.status} experiment cannot ${action === 'start' ? 'start' : `be ${pastTense(action)}`}`, [
      { path: 'action', message: `Allowed from: ${rule.from.join(', ')}` },
    ]);
  }
  const now = services.clock.now();
  const next: Experiment = { ...current, status: rule.to, updatedAt: now.toISOString(), updatedBy: actor.name, version: current.version + 1 };
  if (action === 'start' || action === 'schedule') {
    const problems = await startProblems(store, current, now, action);
    if (problems.length > 0) throw badRequest(`The experiment cannot ${action === 'start' ? 'start' : 'be scheduled'} yet`, problems);
  }
  if (action === 'start') {
    next.startedAt = now.toISOString();
    next.layerRange = await layerRangeFor(store, current);
  }
  if (action === 'complete') next.endedAt = now.toISOString();
  const saved = await saveExperiment(store, services, actor, action, current, next);
  // A guarded rollout's hidden experiment says nothing of its own: its rollout sends rollout.* events.
  if ((action === 'start' || action === 'complete') && !saved.rolloutId) {
    await emitWebhookEvent(services, saved.environmentId, action === 'start' ? 'experiment.started' : 'experiment.completed', experimentEventData(saved, actor), store);
  }
  return saved;
}

/** What an experiment.* webhook delivery says about the experiment. */
export function experimentEventData(experiment: Experiment, actor: Actor): Record<string, unknown> {
  const { id, key, name, status, startedAt, endedAt } = experiment;
  return { experiment: { id, key, name, status, startedAt, endedAt }, by: actor.name };
}

const pastTense = (action: ExperimentAction) =>
  ({ schedule: 'scheduled', unschedule: 'unscheduled', start: 'started', pause: 'paused', resume: 'resumed', complete: 'completed', archive: 'archived' })[action];
