import type { Experiment } from '../../../shared/contract/experiments';
import { DEFAULT_ROLLOUT_STEPS, rolloutRulesSchema } from '../../../shared/contract/rollouts';
import { AppError } from '../../lib/errors';
import type { Services } from '../../services';
import type { Store } from '../../store/types';
import { systemActor, type Actor } from '../audit/audit-service';
import { promoteGuardedIn } from '../rollouts/guarded-promotion';
import { emitWebhookEvent } from '../webhooks/emit';
import { experimentEventData, saveExperiment } from './experiments-service';
import { promotionCheck } from './promotion-check';

// Auto-ship: a running experiment whose primary metric has a recommended winner (significant,
// no guardrail worse, no sample ratio mismatch) after its minimum days ships that winner through
// a guarded rollout, as POST /api/experiments/{id}/promote/guarded would with the default steps.
// The same pass sends experiment.winner_found once per experiment, for experiments with
// auto-ship on and for any whose environment has a webhook listening for it.

/** Results are read at most this often per experiment (per server process). */
export const AUTO_SHIP_CHECK_EVERY_MS = 5 * 60_000;
const DAY_MS = 24 * 60 * 60_000;
const autoShipActor: Actor = { ...systemActor, name: 'Switchboard (auto-ship)' };

const lastCheckedAt = new WeakMap<Services, Map<string, number>>();

/** When auto-ship may first ship this experiment, or null when it is off or the experiment has not started. */
export function autoShipFrom(experiment: Pick<Experiment, 'autoShip' | 'startedAt'>): Date | null {
  if (!experiment.autoShip?.enabled || !experiment.startedAt) return null;
  return new Date(Date.parse(experiment.startedAt) + experiment.autoShip.minDays * DAY_MS);
}

export interface AutoShipRun {
  /** Experiments whose results were read in this run. */
  checked: string[];
  winnersFound: string[];
  shipped: { experimentId: string; rolloutId: string }[];
}

export async function runAutoShip(services: Services): Promise<AutoShipRun> {
  const run: AutoShipRun = { checked: [], winnersFound: [], shipped: [] };
  const now = services.clock.now();
  const running = (await services.store.experiments.list(['running'])).filter((e) => !e.rolloutId && e.metrics.primary);
  if (running.length === 0) return run;
  const listening = await environmentsListeningForWinners(services.store, [...new Set(running.map((e) => e.environmentId))]);
  const checkedAt = lastCheckedAt.get(services) ?? new Map<string, number>();
  lastCheckedAt.set(services, checkedAt);
  for (const experiment of running) {
    const from = autoShipFrom(experiment);
    const shipDue = from !== null && from.getTime() <= now.getTime() && !experiment.autoShip?.shipped;
    const wantsWinner = !experiment.winnerFound && (experiment.autoShip?.enabled || listening.has(experiment.environmentId));
    if (!shipDue && !wantsWinner) continue;
    // Reading results is the expensive part (on the embedded database it holds the one connection).
    const last = checkedAt.get(experiment.id);
    if (last !== undefined && now.getTime() - last < AUTO_SHIP_CHECK_EVERY_MS) continue;
    checkedAt.set(experiment.id, now.getTime());
    run.checked.push(experiment.id);
    try {
      const check = await promotionCheck(services, experiment);
      const winner = check.blocked ? null : check.recommended;
      if (!winner) continue;
      const noted = await noteWinner(services, experiment, winner);
      if (noted === null) continue; // changed meanwhile, or another replica is at it: the next run looks again
      if (noted !== experiment) run.winnersFound.push(experiment.id);
      // Control winning means keeping what users get now: there is nothing to roll out.
      if (!shipDue || winner === noted.variants[0].key) continue;
      const rolloutId = await ship(services, noted, winner);
      if (rolloutId) run.shipped.push({ experimentId: experiment.id, rolloutId });
    } catch (error) {
      services.log(`Auto-ship of experiment ${experiment.id} failed`, error);
    }
  }
  if (run.shipped.length > 0) services.configChanged();
  return run;
}

async function environmentsListeningForWinners(store: Store, environmentIds: string[]): Promise<Set<string>> {
  const listening = new Set<string>();
  for (const id of environmentIds) {
    const webhooks = await store.webhooks.list(id);
    if (webhooks.some((w) => w.active && w.events.includes('experiment.winner_found'))) listening.add(id);
  }
  return listening;
}

/** The experiment as read if it is unchanged and its winner was noted before; null if it changed meanwhile. */
const unchanged = (current: Experiment | null, read: Experiment) => (current && current.version === read.version && current.status === 'running' ? current : null);

/** Notes the winner on the experiment and queues experiment.winner_found, once (under the job lock). */
async function noteWinner(services: Services, experiment: Experiment, winner: string): Promise<Experiment | null> {
  if (experiment.winnerFound) return experiment;
  const saved = await services.store.withJobLock('auto-ship', async (store) => {
    const current = unchanged(await store.experiments.getById(experiment.id), experiment);
    if (!current || current.winnerFound) return null;
    const at = services.clock.now().toISOString();
    const next: Experiment = { ...current, winnerFound: { variant: winner, at }, updatedAt: at, updatedBy: autoShipActor.name, version: current.version + 1 };
    const noted = await saveExperiment(store, services, autoShipActor, 'winner-found', current, next);
    const variant = noted.variants.find((v) => v.key === winner)!;
    await emitWebhookEvent(services, noted.environmentId, 'experiment.winner_found', {
      ...experimentEventData(noted, autoShipActor),
      winner: { key: variant.key, name: variant.name },
      autoShip: noted.autoShip?.enabled ?? false,
    }, store);
    return noted;
  });
  return saved ?? null;
}

/**
 * Starts the guarded promotion (the experiment completes as the rollout starts) and notes it on
 * the experiment, in one transaction under the job lock: with two replicas the second finds the
 * experiment changed and does nothing. A refusal (approval required meanwhile, a parameter taken
 * by another rollout) is noted on the experiment instead, once per distinct reason.
 */
async function ship(services: Services, experiment: Experiment, winner: string): Promise<string | null> {
  const audience = { kind: experiment.autoShip?.audience ?? 'experiment' } as const;
  const body = { variant: winner, audience, expectedVersion: experiment.version, steps: DEFAULT_ROLLOUT_STEPS, rules: rolloutRulesSchema.parse({}) };
  try {
    const rolloutId = await services.store.withJobLock('auto-ship', async (store) => {
      if (!unchanged(await store.experiments.getById(experiment.id), experiment)) return null;
      const rollout = await promoteGuardedIn(store, services, experiment.id, body, autoShipActor);
      const completed = (await store.experiments.getById(experiment.id))!;
      const at = services.clock.now().toISOString();
      const shipped = { at, variant: winner, rolloutId: rollout.id };
      const next: Experiment = { ...completed, autoShip: { ...completed.autoShip!, shipped, problem: null }, updatedAt: at, updatedBy: autoShipActor.name, version: completed.version + 1 };
      await saveExperiment(store, services, autoShipActor, 'auto-shipped', completed, next);
      return rollout.id;
    });
    return rolloutId ?? null;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    await noteProblem(services, experiment, error.message);
    return null;
  }
}

async function noteProblem(services: Services, experiment: Experiment, message: string): Promise<void> {
  await services.store.withJobLock('auto-ship', async (store) => {
    const current = unchanged(await store.experiments.getById(experiment.id), experiment);
    if (!current?.autoShip || current.autoShip.problem?.message === message) return;
    const at = services.clock.now().toISOString();
    const next: Experiment = { ...current, autoShip: { ...current.autoShip, problem: { at, message } }, updatedAt: at, updatedBy: autoShipActor.name, version: current.version + 1 };
    await saveExperiment(store, services, autoShipActor, 'auto-ship-problem', current, next);
  });
}
