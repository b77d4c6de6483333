import type { ChangeRequest } from '../../../shared/contract/change-requests';
import { AppError, conflict, forbidden } from '../../lib/errors';
import type { Services } from '../../services';
import type { Store } from '../../store/types';
import { systemActor } from '../audit/audit-service';
import { writableEnvironment } from '../environments/environments-service';
import { saveVersion } from '../parameters/parameters-service';
import { getChangeRequest, isApproved, save, staleRequest, type Caller } from './change-requests-service';
import { applyExperimentChanges, assertExperimentChangesRunnable, experimentConflicts } from './experiment-changes';
import { emitWebhookEvent } from '../webhooks/emit';

// Publishing applies every change of a request in one transaction, one new version per
// parameter, and only if none of them changed since the draft was made.

const scheduler: Caller = { actor: { ...systemActor, name: 'Switchboard (scheduled publish)' }, personId: null, isAdmin: false };

async function publishIn(store: Store, services: Services, id: string, expectedVersion: number | null, bypassReason: string | null, caller: Caller): Promise<ChangeRequest> {
  const current = await getChangeRequest(store, id);
  if (expectedVersion !== null && current.version !== expectedVersion) throw staleRequest();
  if (current.status !== 'open') throw conflict(`This change request is ${current.status} already`);
  const environment = await writableEnvironment(store, current.environmentId);
  const approved = isApproved(current, environment);
  if (!approved) {
    if (!bypassReason) {
      throw conflict(`${environment.name} requires approval: someone other than the author approves this change request before it is published`, undefined, {
        rule: 'requiresApproval',
      });
    }
    if (!caller.isAdmin) throw forbidden('Only admins may publish without approval');
  }
  const now = services.clock.now().toISOString();
  const parameters = await Promise.all(current.items.map((item) => store.parameters.getById(item.parameterId, environment.id)));
  const conflicts = [
    ...current.items.flatMap((item, i) =>
      parameters[i]?.version === item.baseVersion
        ? []
        : [{ kind: 'parameter' as const, parameterId: item.parameterId, parameterKey: item.parameterKey, baseVersion: item.baseVersion, currentVersion: parameters[i]?.version ?? 0 }],
    ),
    ...(await experimentConflicts(store, current)),
  ];
  if (conflicts.length === 0) await assertExperimentChangesRunnable(store, services, current);
  if (conflicts.length > 0) {
    const keys = conflicts.map((c) => `${c.parameterKey} (version ${c.baseVersion} then, ${c.currentVersion} now)`).join(', ');
    throw conflict(`Changed since this change request was made: ${keys}. Rebase it on the current values, or discard it.`, undefined, { conflicts });
  }
  try {
    for (const [i, item] of current.items.entries()) {
      const parameter = parameters[i]!;
      const next = { ...parameter, ...(item.after as Pick<typeof parameter, 'defaultValue' | 'killed' | 'rules'>), updatedAt: now, updatedBy: caller.actor.name };
      await saveVersion(store, services, caller.actor, parameter, next, 'updated');
    }
    await applyExperimentChanges(store, services, current, caller.actor);
  } catch (error) {
    // Some changes may be written already. A direct publish rolls back its whole transaction
    // with the error; the scheduler must not record this as a clean failure inside the one
    // transaction it shares with other publishes, so for it this is an error that rolls back all.
    if (caller === scheduler) throw new Error(`Publishing change request ${current.id} was interrupted`, { cause: error });
    throw error;
  }
  const next = { ...current, status: 'published' as const, publishedAt: now, publishedBy: caller.actor.name, bypassReason: approved ? null : bypassReason, version: current.version + 1, updatedAt: now };
  const saved = await save(store, services, caller, approved ? 'published' : 'publishedWithoutApproval', current, next);
  await emitWebhookEvent(services, environment.id, 'change.published', changePublishedData(saved), store);
  return saved;
}

/** What a change.published webhook delivery says: the request, and each change's before and after. */
function changePublishedData(request: ChangeRequest): Record<string, unknown> {
  return {
    changeRequest: { id: request.id, title: request.title, authorName: request.authorName, publishedAt: request.publishedAt, publishedBy: request.publishedBy, bypassReason: request.bypassReason },
    parameters: request.items.map((item) => ({ key: item.parameterKey, name: item.parameterName, before: item.before, after: item.after })),
    experiments: request.experiments.map((e) => ({ key: e.experimentKey, name: e.experimentName, action: e.action })),
  };
}

export async function publishChangeRequest(services: Services, id: string, expectedVersion: number, bypassReason: string | undefined, caller: Caller): Promise<ChangeRequest> {
  const published = await services.store.transaction((store) => publishIn(store, services, id, expectedVersion, bypassReason ?? null, caller));
  services.configChanged();
  return published;
}

/**
 * Publishes the open change requests whose time has come. Under a database lock, so with several
 * replicas each is published once; state is in the database, so after a restart the next run
 * catches up. One that cannot be published (not approved, or a conflict) is unscheduled with the
 * reason in `lastError`, so it is not retried every run.
 */
export async function runDueChangeRequests(services: Services): Promise<{ ran: boolean; published: string[]; failed: string[] }> {
  const published: string[] = [];
  const failed: string[] = [];
  const result = await services.store.withJobLock('change-request-scheduler', async (store) => {
    for (const request of await store.changeRequests.listDue(services.clock.now().toISOString())) {
      try {
        await publishIn(store, services, request.id, null, null, scheduler);
        published.push(request.id);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        const at = services.clock.now().toISOString();
        const next = { ...request, publishAt: null, lastError: `The publish scheduled for ${request.publishAt} did not happen: ${error.message}`, version: request.version + 1, updatedAt: at };
        await save(store, services, scheduler, 'scheduledPublishFailed', request, next);
        failed.push(request.id);
      }
    }
  });
  if (published.length > 0) services.configChanged();
  return { ran: result !== null, published, failed };
}
