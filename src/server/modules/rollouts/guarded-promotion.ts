import type { z } from 'zod';
import type { Rollout, guardedPromoteBodySchema } from '../../../shared/contract/rollouts';
import { badRequest, conflict } from '../../lib/errors';
import type { Services } from '../../services';
import type { Store } from '../../store/types';
import type { Actor } from '../audit/audit-service';
import { NO_BYPASS, requireApprovalOrBypass, type WriteApproval } from '../environments/approval-guard';
import { parametersByKey, touchedKeys } from '../experiments/experiment-checks';
import { applyTransition, assertNotManagedByRollout, getExperiment } from '../experiments/experiments-service';
import { checkPromotionRisk, plannedChanges, resolveAudience } from '../experiments/promotion-service';
import { startRolloutIn } from './rollouts-service';

type Body = z.output<typeof guardedPromoteBodySchema>;

/**
 * Promotes an experiment's winner through a guarded rollout instead of all at once: the same
 * risk check and audience as a promotion, the experiment completes, and a rollout of the
 * variant's values starts at the first step.
 */
export async function promoteGuarded(services: Services, id: string, body: Body, actor: Actor, approval: WriteApproval = NO_BYPASS): Promise<Rollout> {
  // The results are read before the write transaction (they query the store themselves); the
  // transaction still checks expectedVersion, so a change in between is refused.
  const current = await getExperiment(services.store, id);
  assertNotManagedByRollout(current);
  await checkPromotionRisk(services, current, { variant: body.variant, confirmRisk: body.confirmRisk, dryRun: false });
  const saved = await services.store.transaction((store) => promoteGuardedIn(store, services, id, body, actor, approval));
  services.configChanged();
  return saved;
}

/**
 * The guarded promotion inside a caller's transaction, without the risk check (the caller has
 * read the results before its transaction: auto-ship does, under its job lock).
 */
export async function promoteGuardedIn(store: Store, services: Services, id: string, body: Body, actor: Actor, approval: WriteApproval = NO_BYPASS): Promise<Rollout> {
  const experiment = await getExperiment(store, id);
  const variant = experiment.variants.find((v) => v.key === body.variant);
  await requireApprovalOrBypass(store, services, actor, experiment.environmentId, `rolling out the winner of "${experiment.name}"`, approval, {
    type: 'experiment',
    id: experiment.id,
    label: experiment.key,
  });
  if (experiment.version !== body.expectedVersion) {
    throw conflict('Someone else changed this experiment after you opened it. Reload, then promote.', undefined, { current: experiment });
  }
  if (!['running', 'paused', 'completed'].includes(experiment.status)) {
    throw conflict(`A ${experiment.status} experiment has no winner to promote`, [{ path: 'variant', message: 'Start the experiment first' }]);
  }
  if (experiment.promotion && !experiment.promotion.undoneAt) {
    throw conflict(`Variant ${experiment.promotion.variant} was promoted already; undo that first`, [{ path: 'variant', message: 'Already promoted' }]);
  }
  if (!variant) throw badRequest("Choose one of the experiment's variants", [{ path: 'variant', message: 'No such variant' }]);
  const audience = await resolveAudience(store, experiment, body.audience);
  const parameters = await parametersByKey(store, touchedKeys(experiment.variants), experiment.environmentId);
  const changes = plannedChanges(experiment, body.variant, parameters);
  if (changes.length === 0) throw conflict(`${variant.name} serves what everyone gets already: there is nothing to roll out`, [{ path: 'variant', message: 'No change' }]);
  const guardrails = body.guardrails ?? [...new Set([...experiment.metrics.guardrails, ...(experiment.metrics.primary ? [experiment.metrics.primary] : [])])];
  if (guardrails.length === 0) throw badRequest('Choose at least one guardrail metric', [{ path: 'guardrails', message: 'The experiment has no metrics to watch: choose at least one' }]);
  // Completing first frees its parameters for the rollout.
  if (experiment.status !== 'completed') await applyTransition(store, services, experiment.id, 'complete', experiment.version, actor);
  return startRolloutIn(store, services, actor, {
    environmentId: experiment.environmentId,
    name: `${experiment.name}: ${variant.name}`,
    audience,
    changes: changes.map((c) => ({ parameterKey: c.parameter.key, value: c.after })),
    steps: body.steps,
    guardrails,
    rules: body.rules,
    source: { kind: 'promotion', experimentId: experiment.id, experimentName: experiment.name, variant: variant.key },
    guardrailsPath: 'guardrails',
  });
}
