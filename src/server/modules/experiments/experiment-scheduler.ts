import type { ExperimentAction } from '../../../shared/contract/experiments';
import type { Services } from '../../services';
import type { Store } from '../../store/types';
import { recordAudit, systemActor } from '../audit/audit-service';
import { AppError } from '../../lib/errors';
import { applyTransition, saveExperiment } from './experiments-service';

export interface SchedulerRun {
  /** False when another replica held the lock and did the work. */
  ran: boolean;
  done: { key: string; action: ExperimentAction | 'start-failed' }[];
}

/**
 * Starts scheduled experiments whose start has come and completes those whose end has passed.
 * Runs under a database lock, so with several replicas each change happens once; each transition
 * also compares versions, so a retried run changes nothing twice. State lives in the database:
 * after a restart the next run catches up with whatever came due meanwhile.
 */
export async function runDueExperiments(services: Services): Promise<SchedulerRun> {
  const now = services.clock.now();
  const done: SchedulerRun['done'] = [];
  const result = await services.store.withJobLock('experiment-scheduler', async (store) => {
    for (const experiment of await store.experiments.list(['scheduled', 'running', 'paused'])) {
      const endDue = experiment.endAt !== null && Date.parse(experiment.endAt) <= now.getTime();
      if (experiment.status === 'scheduled' && experiment.startAt !== null && Date.parse(experiment.startAt) <= now.getTime()) {
        if (endDue) {
          // Missed its whole window (the server was down): never start it, say so.
          await failStart(services, store, experiment.id, [{ path: 'endAt', message: 'The end passed before the experiment could start' }]);
          done.push({ key: experiment.key, action: 'start-failed' });
          continue;
        }
        try {
          await applyTransition(store, services, experiment.id, 'start', null, systemActor);
          done.push({ key: experiment.key, action: 'start' });
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          await failStart(services, store, experiment.id, error.errors ?? [{ path: '', message: error.message }]);
          done.push({ key: experiment.key, action: 'start-failed' });
        }
      } else if ((experiment.status === 'running' || experiment.status === 'paused') && endDue) {
        await applyTransition(store, services, experiment.id, 'complete', null, systemActor);
        done.push({ key: experiment.key, action: 'complete' });
      }
    }
  });
  if (done.length > 0) services.configChanged();
  await maintainEvents(services);
  return { ran: result !== null, done };
}

/**
 * Event retention on the same timer, under a lock of its own: its DROP may give up waiting for a
 * long results query (lock_timeout) without undoing the experiment changes above; the next run
 * tries again. Partitions for the days ahead are made here too.
 */
export async function maintainEvents(services: Services) {
  return services.store.withJobLock('event-retention', (store) => store.events.maintain(services.clock.now(), services.config.eventsRetentionDays));
}

/** A scheduled start that cannot happen goes back to draft with the reasons in the audit log. */
async function failStart(services: Services, store: Store, id: string, problems: { path: string; message: string }[]) {
  const experiment = (await store.experiments.getById(id))!;
  const now = services.clock.now().toISOString();
  await saveExperiment(store, services, systemActor, 'start-failed', experiment, {
    ...experiment,
    status: 'draft',
    updatedAt: now,
    updatedBy: systemActor.name,
    version: experiment.version + 1,
  });
  await recordAudit(store, services.clock.now(), {
    actor: systemActor,
    action: 'experiment.start-problems',
    objectType: 'experiment',
    objectId: experiment.id,
    objectLabel: experiment.key,
    before: null,
    after: { problems },
  });
}
