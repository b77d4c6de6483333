import type { z } from 'zod';
import type { createChangeRequestBodySchema, ExperimentChange } from '../../../shared/contract/change-requests';
import type { promoteBodySchema } from '../../../shared/contract/experiments';
import { badRequest, conflict } from '../../lib/errors';
import type { Services } from '../../services';
import type { ChangeRequestRecord, Store } from '../../store/types';
import type { Actor } from '../audit/audit-service';
import { startProblems } from '../experiments/experiment-checks';
import { applyTransition, assertNotManagedByRollout } from '../experiments/experiments-service';
import { checkPromotionRisk, promoteIn } from '../experiments/promotion-service';

// Starting an experiment and promoting its winner change what apps receive, so where approval is
// required they are proposed in a change request like parameter changes, and run when it is published.

type Input = z.output<typeof createChangeRequestBodySchema>['experiments'][number];
type PromoteBody = z.output<typeof promoteBodySchema>;

/** Checks each proposed start or promotion now, so a request that could never publish is refused at once. */
export async function experimentChangesFor(services: Services, store: Store, environmentId: string, inputs: Input[]): Promise<ExperimentChange[]> {
  const changes: ExperimentChange[] = [];
  for (const [index, input] of inputs.entries()) {
    const path = `experiments.${index}`;
    const experiment = await store.experiments.getById(input.experimentId);
    if (!experiment || experiment.environmentId !== environmentId) {
      throw badRequest('A change names an experiment that is not in this environment', [{ path: `${path}.experimentId`, message: 'No such experiment here' }]);
    }
    // A guarded rollout's experiment moves only with its rollout.
    assertNotManagedByRollout(experiment);
    if (experiment.version !== input.baseVersion) {
      throw conflict(`"${experiment.name}" changed after you opened it (now version ${experiment.version}). Reload, then propose again.`, [
        { path: `${path}.baseVersion`, message: `Now version ${experiment.version}` },
      ]);
    }
    if (input.action === 'start') {
      if (experiment.status !== 'draft' && experiment.status !== 'scheduled') throw conflict(`A ${experiment.status} experiment cannot start`, [{ path: `${path}.action`, message: 'Only drafts and scheduled experiments start' }]);
      const problems = await startProblems(store, experiment, services.clock.now(), 'start');
      if (problems.length > 0) throw badRequest(`"${experiment.name}" cannot start yet`, problems.map((p) => ({ ...p, path: `${path}.${p.path}` })));
    } else {
      if (!input.promote) throw badRequest('Say which variant to promote, and to whom', [{ path: `${path}.promote`, message: 'Required for a promotion' }]);
      await checkPromotionRisk(services, experiment, { ...input.promote, dryRun: false });
    }
    changes.push({
      experimentId: experiment.id,
      experimentKey: experiment.key,
      experimentName: experiment.name,
      action: input.action,
      baseVersion: experiment.version,
      promote: input.promote ?? null,
    });
  }
  return changes;
}

/** Experiments whose version moved since the request was made. */
export async function experimentConflicts(store: Store, request: ChangeRequestRecord) {
  const conflicts = [];
  for (const change of request.experiments) {
    const current = await store.experiments.getById(change.experimentId);
    if (current?.version !== change.baseVersion) {
      conflicts.push({ kind: 'experiment' as const, parameterId: change.experimentId, parameterKey: change.experimentKey, baseVersion: change.baseVersion, currentVersion: current?.version ?? 0 });
    }
  }
  return conflicts;
}

/**
 * What would stop a start or a promotion now (a segment archived since, an experiment ended),
 * as an error before anything is written, so a scheduled publish fails cleanly instead of midway.
 */
export async function assertExperimentChangesRunnable(store: Store, services: Services, request: ChangeRequestRecord): Promise<void> {
  for (const change of request.experiments) {
    const experiment = await store.experiments.getById(change.experimentId);
    if (!experiment) throw conflict(`The experiment "${change.experimentName}" no longer exists: take it out of the request`);
    if (change.action === 'start') {
      const problems = await startProblems(store, experiment, services.clock.now(), 'start');
      if (problems.length > 0) throw badRequest(`"${experiment.name}" cannot start: ${problems.map((p) => p.message).join('; ')}`, problems);
    } else if (!['running', 'paused', 'completed'].includes(experiment.status) || (experiment.promotion && !experiment.promotion.undoneAt)) {
      throw conflict(`The winner of "${experiment.name}" cannot be promoted now (it is ${experiment.status}${experiment.promotion ? ', promoted already' : ''})`);
    }
  }
}

/** Runs each start and promotion inside the publishing transaction, checked as a direct one would be. */
export async function applyExperimentChanges(store: Store, services: Services, request: ChangeRequestRecord, actor: Actor): Promise<void> {
  for (const change of request.experiments) {
    if (change.action === 'start') {
      await applyTransition(store, services, change.experimentId, 'start', change.baseVersion, actor);
    } else {
      const { variant, audience, confirmRisk } = change.promote!;
      const body: PromoteBody = { variant, audience: audience as PromoteBody['audience'], confirmRisk, expectedVersion: change.baseVersion, dryRun: false };
      await promoteIn(store, services, change.experimentId, body, actor);
    }
  }
}

/** The experiments' current versions as the new base (rebase). */
export async function rebasedExperimentChanges(store: Store, request: ChangeRequestRecord): Promise<ExperimentChange[]> {
  const changes: ExperimentChange[] = [];
  for (const change of request.experiments) {
    const current = await store.experiments.getById(change.experimentId);
    if (current) changes.push({ ...change, baseVersion: current.version });
  }
  return changes;
}
