import type { Experiment } from '../../../shared/contract/experiments';
import type { Rollout, RolloutAction, RolloutLogEntry } from '../../../shared/contract/rollouts';
import type { WebhookEventType } from '../../../shared/contract/webhooks';
import { badRequest, conflict } from '../../lib/errors';
import type { Services } from '../../services';
import type { Store } from '../../store/types';
import type { Actor } from '../audit/audit-service';
import { applyTransition, saveExperiment } from '../experiments/experiments-service';
import { promoteIn } from '../experiments/promotion-service';
import { emitWebhookEvent } from '../webhooks/emit';
import { getRollout, logEntry, NEW, nextCheckAfter, saveRollout, staleRollout, variantsAt } from './rollouts-service';

// The rollout's moves, each inside the caller's transaction: the rollout is saved first
// (compare-and-set, so a stale writer changes nothing), then its hidden experiment follows.

/** Who decided, for the log: a person acting, or the monitor (null). */
export interface Decider {
  actor: Actor;
  by: string | null;
}

async function backingExperiment(store: Store, rollout: Rollout): Promise<Experiment> {
  const experiment = await store.experiments.getById(rollout.experimentId);
  if (!experiment) throw conflict('The experiment behind this rollout is gone');
  return experiment;
}

function moved(rollout: Rollout, now: string, entry: RolloutLogEntry, changes: Partial<Rollout>): Rollout {
  return { ...rollout, ...changes, log: [...rollout.log, entry], version: rollout.version + 1, updatedAt: now };
}

/** The next step: its weights, and its clock and user count start now. */
export async function advanceIn(store: Store, services: Services, rollout: Rollout, message: string, who: Decider): Promise<Rollout> {
  if (rollout.stepIndex >= rollout.steps.length - 1) throw conflict('The rollout is at its last step already: finish it instead', [{ path: 'action', message: 'No next step' }]);
  const now = services.clock.now();
  const at = now.toISOString();
  const stepIndex = rollout.stepIndex + 1;
  const percent = rollout.steps[stepIndex].percent;
  const next = moved(rollout, at, logEntry(at, 'advanced', stepIndex, message, who.by), { stepIndex, stepStartedAt: at, nextCheckAt: nextCheckAfter(now, rollout.rules) });
  const saved = await saveRollout(store, services, who.actor, 'advanced', rollout, next);
  const experiment = await backingExperiment(store, rollout);
  const variants = variantsAt(percent, experiment.variants.find((v) => v.key === NEW)?.overrides ?? {});
  await saveExperiment(store, services, who.actor, 'updated', experiment, { ...experiment, variants, version: experiment.version + 1, updatedAt: at, updatedBy: who.actor.name });
  await notifyWebhooks(services, store, saved, 'rollout.advanced');
  return saved;
}

/** Everyone gets the old values again: the experiment completes without a promotion. */
export async function rollBackIn(store: Store, services: Services, rollout: Rollout, message: string, who: Decider): Promise<Rollout> {
  const at = services.clock.now().toISOString();
  const next = moved(rollout, at, logEntry(at, 'rolled_back', rollout.stepIndex, message, who.by), { status: 'rolled_back', nextCheckAt: null, endedAt: at });
  const saved = await saveRollout(store, services, who.actor, 'rolledBack', rollout, next);
  await applyTransition(store, services, rollout.experimentId, 'complete', null, who.actor);
  await notifyWebhooks(services, store, saved, 'rollout.rolled_back');
  return saved;
}

/** Everyone in the audience gets the new values for good: a rule first in order on each parameter (as a promotion writes it), and the experiment completes. */
export async function finishIn(store: Store, services: Services, rollout: Rollout, message: string, who: Decider): Promise<Rollout> {
  const at = services.clock.now().toISOString();
  const next = moved(rollout, at, logEntry(at, 'completed', rollout.stepIndex, message, who.by), { status: 'completed', nextCheckAt: null, endedAt: at });
  const saved = await saveRollout(store, services, who.actor, 'completed', rollout, next);
  const experiment = await backingExperiment(store, rollout);
  await promoteIn(store, services, experiment.id, { variant: NEW, audience: { kind: 'experiment' }, expectedVersion: experiment.version, dryRun: false }, who.actor);
  await notifyWebhooks(services, store, saved, 'rollout.finished');
  return saved;
}

async function pauseIn(store: Store, services: Services, rollout: Rollout, message: string, who: Decider): Promise<Rollout> {
  const at = services.clock.now().toISOString();
  const saved = await saveRollout(store, services, who.actor, 'paused', rollout, moved(rollout, at, logEntry(at, 'paused', rollout.stepIndex, message, who.by), { status: 'paused', nextCheckAt: null }));
  await applyTransition(store, services, rollout.experimentId, 'pause', null, who.actor);
  return saved;
}

/** Resuming restarts the step: its minimum time and users count from now. */
async function resumeIn(store: Store, services: Services, rollout: Rollout, message: string, who: Decider): Promise<Rollout> {
  const now = services.clock.now();
  const at = now.toISOString();
  const changes = { status: 'running' as const, stepStartedAt: at, nextCheckAt: nextCheckAfter(now, rollout.rules) };
  const saved = await saveRollout(store, services, who.actor, 'resumed', rollout, moved(rollout, at, logEntry(at, 'resumed', rollout.stepIndex, message, who.by), changes));
  await applyTransition(store, services, rollout.experimentId, 'resume', null, who.actor);
  return saved;
}

const allowedFrom: Record<Exclude<RolloutAction, 'check'>, readonly Rollout['status'][]> = {
  pause: ['running'],
  resume: ['paused'],
  advance: ['running'],
  roll_back: ['running', 'paused'],
  finish: ['running', 'paused'],
};

const withReason = (text: string, reason: string | undefined) => (reason ? `${text} Reason: ${reason}` : text);

/** A person's action on a rollout (not `check`, which the monitor module runs). */
export async function actOnRollout(
  services: Services,
  id: string,
  action: Exclude<RolloutAction, 'check'>,
  body: { expectedVersion: number; reason?: string },
  actor: Actor,
): Promise<Rollout> {
  const reason = body.reason?.trim() || undefined;
  if (action === 'roll_back' && !reason) throw badRequest('Say why you roll back', [{ path: 'reason', message: 'Required to roll back by hand' }]);
  const who: Decider = { actor, by: actor.name };
  const saved = await services.store.transaction(async (store) => {
    const rollout = await getRollout(store, id);
    if (rollout.version !== body.expectedVersion) throw staleRollout(rollout);
    if (!allowedFrom[action].includes(rollout.status)) {
      throw conflict(`A ${rollout.status.replace('_', ' ')} rollout cannot ${action.replace('_', ' ')}`, [{ path: 'action', message: `Allowed from: ${allowedFrom[action].join(', ')}` }]);
    }
    const percent = rollout.steps[rollout.stepIndex].percent;
    switch (action) {
      case 'pause':
        return pauseIn(store, services, rollout, withReason(`Paused by hand at ${percent}%: everyone gets the old values until it resumes.`, reason), who);
      case 'resume':
        return resumeIn(store, services, rollout, withReason(`Resumed by hand at ${percent}%: the step starts again.`, reason), who);
      case 'advance':
        return advanceIn(store, services, rollout, withReason(`Advanced by hand to ${rollout.steps[Math.min(rollout.stepIndex + 1, rollout.steps.length - 1)].percent}%.`, reason), who);
      case 'roll_back':
        return rollBackIn(store, services, rollout, withReason(`Rolled back by hand at ${percent}%: everyone gets the old values.`, reason), who);
      case 'finish':
        return finishIn(store, services, rollout, withReason(`Finished by hand at ${percent}%: everyone in the audience gets the new values.`, reason), who);
    }
  });
  services.configChanged();
  return saved;
}

/** Queues the environment's webhooks in the move's transaction, so they go out only if it commits. */
async function notifyWebhooks(services: Services, store: Store, rollout: Rollout, type: WebhookEventType): Promise<void> {
  await emitWebhookEvent(
    services,
    rollout.environmentId,
    type,
    {
      rollout: { id: rollout.id, name: rollout.name, environmentId: rollout.environmentId, status: rollout.status, stepIndex: rollout.stepIndex, percent: rollout.steps[rollout.stepIndex].percent },
      message: rollout.log.at(-1)?.message ?? '',
      changes: rollout.changes.map((c) => ({ parameterKey: c.parameterKey, after: c.after })),
    },
    store,
  );
}
