import type { Rollout, RolloutCheck } from '../../../shared/contract/rollouts';
import { conflict } from '../../lib/errors';
import type { Services } from '../../services';
import type { Store } from '../../store/types';
import { systemActor, type Actor } from '../audit/audit-service';
import { armsOf } from '../results/results-analysis';
import { experimentMetrics } from '../results/result-rollups';
import { armStats } from '../results/metric-stats';
import { advanceIn, finishIn, rollBackIn, type Decider } from './rollout-actions';
import { decideRolloutCheck, type RolloutCheckInput, type RolloutDecisionResult } from './rollout-decision';
import { getRollout, logEntry, NEW, nextCheckAfter, OLD, saveRollout, staleRollout } from './rollouts-service';

// The monitor: every due running rollout is checked against its guardrails and moved on, held,
// or rolled back. Reading the results (which may refresh rollups) happens before the write
// transaction; the write re-reads the rollout and applies only to the version that was read,
// so two replicas (or a person acting meanwhile) never apply one check twice.

const monitor: Decider = { actor: { ...systemActor, name: 'Switchboard (rollout monitor)' }, by: null };
const MINUTE = 60_000;

/**
 * The inputs of one check. Both sides count only users first exposed during the current step:
 * an exposure keeps the variant a user first got, so a user moved from old to new at an advance
 * would still count as old; within one step nobody moves, so the two sides are clean.
 */
async function checkInput(services: Services, rollout: Rollout): Promise<RolloutCheckInput> {
  const store = services.store;
  const experiment = await store.experiments.getById(rollout.experimentId);
  if (!experiment) throw conflict('The experiment behind this rollout is gone');
  // The experiment's own metric list, so the rollups kept for its results serve this query too.
  const { found } = await experimentMetrics(store, experiment);
  const rows = await store.results.aggregate({
    experimentId: experiment.id,
    from: rollout.stepStartedAt,
    to: null,
    metrics: found,
    groupBy: { kind: 'day' },
    preExposureDays: 0,
    useRollups: true,
  });
  const usersOf = (variant: string) => rows.filter((r) => r.variant === variant).reduce((sum, r) => sum + r.users, 0);
  const now = services.clock.now().getTime();
  return {
    stepIndex: rollout.stepIndex,
    steps: rollout.steps,
    minutesInStep: Math.max(0, (now - Date.parse(rollout.stepStartedAt)) / MINUTE),
    stepUsers: { old: usersOf(OLD), new: usersOf(NEW) },
    expectedNewShare: rollout.steps[rollout.stepIndex].percent / 100,
    guardrails: found.map((metric, k) => {
      const arms = armsOf(rows, [OLD, NEW], k);
      return {
        metricId: metric.id,
        metricName: metric.name,
        higherIsBetter: metric.direction !== 'lower',
        old: armStats(metric, arms.get(OLD)!, false),
        new: armStats(metric, arms.get(NEW)!, false),
      };
    }),
    rules: rollout.rules,
  };
}

/** Applies a decision to the rollout as read (compare-and-set on its version), with the check stored and logged. */
async function applyDecision(store: Store, services: Services, rollout: Rollout, input: RolloutCheckInput, result: RolloutDecisionResult, who: Decider): Promise<Rollout> {
  const now = services.clock.now();
  const at = now.toISOString();
  const lastCheck: RolloutCheck = { at, stepIndex: rollout.stepIndex, stepUsers: input.stepUsers, srmPValue: result.srmPValue, guardrails: result.guardrails, decision: result.decision, summary: result.summary };
  const checked = { ...rollout, lastCheck };
  switch (result.decision) {
    case 'advance':
      return advanceIn(store, services, checked, result.summary, who);
    case 'complete':
      return finishIn(store, services, checked, result.summary, who);
    case 'roll_back':
      return rollBackIn(store, services, checked, result.summary, who);
    case 'hold': {
      // One "held" entry per step, kept at the latest numbers: a check every few minutes must not grow the log without end.
      const last = rollout.log.at(-1);
      const entry = logEntry(at, 'held', rollout.stepIndex, result.summary, who.by);
      const log = last?.kind === 'held' && last.stepIndex === rollout.stepIndex ? [...rollout.log.slice(0, -1), entry] : [...rollout.log, entry];
      const next: Rollout = { ...checked, log, nextCheckAt: nextCheckAfter(now, rollout.rules), version: rollout.version + 1, updatedAt: at };
      return saveRollout(store, services, who.actor, 'checked', rollout, next);
    }
  }
}

/** A hold changes nothing apps get; every other decision moves weights or ends the split. */
const changesWhatAppsGet = (decision: RolloutDecisionResult['decision']) => decision !== 'hold';

/**
 * Checks every running rollout whose time has come. Each decision is applied under the
 * 'rollout-monitor' job lock, so with several replicas each check is applied once.
 */
export async function runRolloutChecks(services: Services): Promise<{ ran: boolean; checked: { rolloutId: string; decision: RolloutDecisionResult['decision'] }[] }> {
  await services.exposures.flush(); // exposures recorded by evaluation are buffered
  const due = await services.store.rollouts.listDue(services.clock.now().toISOString());
  if (due.length === 0) return { ran: false, checked: [] };
  const prepared: { rollout: Rollout; input: RolloutCheckInput; result: RolloutDecisionResult }[] = [];
  for (const rollout of due) {
    try {
      const input = await checkInput(services, rollout);
      prepared.push({ rollout, input, result: decideRolloutCheck(input) });
    } catch (error) {
      services.log(`Checking rollout ${rollout.id} failed`, error);
    }
  }
  const applied: { saved: Rollout; decision: RolloutDecisionResult['decision'] }[] = [];
  let ran = false;
  // One transaction per rollout: one that cannot be moved (its error is logged) holds up no other.
  for (const { rollout, input, result } of prepared) {
    try {
      const saved = await services.store.withJobLock('rollout-monitor', async (store) => {
        const current = await store.rollouts.getById(rollout.id);
        const now = services.clock.now().getTime();
        // Checked meanwhile (another replica), or changed by a person: this reading is out of date.
        if (!current || current.version !== rollout.version || current.status !== 'running' || !current.nextCheckAt || Date.parse(current.nextCheckAt) > now) return undefined;
        return applyDecision(store, services, current, input, result, monitor);
      });
      if (saved === null) continue; // another replica is checking right now
      ran = true;
      if (saved) applied.push({ saved, decision: result.decision });
    } catch (error) {
      services.log(`Applying the check of rollout ${rollout.id} failed`, error);
    }
  }
  if (applied.some(({ decision }) => changesWhatAppsGet(decision))) services.configChanged();
  return { ran, checked: applied.map(({ saved, decision }) => ({ rolloutId: saved.id, decision })) };
}

/** The `check` action: a person asks for a check now; its decision applies as the monitor's would. */
export async function checkRolloutNow(services: Services, id: string, expectedVersion: number, actor: Actor): Promise<Rollout> {
  const rollout = await getRollout(services.store, id);
  if (rollout.version !== expectedVersion) throw staleRollout(rollout);
  if (rollout.status !== 'running') throw conflict(`A ${rollout.status.replace('_', ' ')} rollout is not checked`, [{ path: 'action', message: 'Allowed from: running' }]);
  await services.exposures.flush();
  const input = await checkInput(services, rollout);
  const result = decideRolloutCheck(input);
  const saved = await services.store.transaction(async (store) => {
    const current = await getRollout(store, id);
    if (current.version !== rollout.version) throw staleRollout(current);
    return applyDecision(store, services, current, input, result, { actor, by: null });
  });
  if (changesWhatAppsGet(result.decision)) services.configChanged();
  return saved;
}
