import type { z } from 'zod';
import type {
  ChangeItem,
  ChangeRequest,
  createChangeRequestBodySchema,
  proposedSettingsSchema,
  updateChangeRequestBodySchema,
} from '../../../shared/contract/change-requests';
import type { Environment } from '../../../shared/contract/environments';
import type { Parameter } from '../../../shared/contract/parameters';
import { randomId, timeOrderedId } from '../../lib/crypto';
import { AppError, badRequest, conflict, forbidden, notFound } from '../../lib/errors';
import type { Services } from '../../services';
import type { ChangeRequestRecord, Store } from '../../store/types';
import { recordAudit, type Actor } from '../audit/audit-service';
import { resolveEnvironment, writableEnvironment } from '../environments/environments-service';
import { assertValidParameter, withRuleIds } from '../parameters/parameter-rules';
import { experimentChangesFor, rebasedExperimentChanges } from './experiment-changes';

// Change requests: a draft of changes to parameters in one environment. Reviewed by someone other
// than the author where the environment requires approval; published all at once (or at a
// scheduled time by the scheduler, publishing.ts).

/** Who acts: the person behind a session or an API token (tokens act for their creator). */
export interface Caller {
  actor: Actor;
  /** The person's user id (a token's creator), so nobody approves their own request through a token. */
  personId: string | null;
  isAdmin: boolean;
}

type Settings = z.output<typeof proposedSettingsSchema>;
const settingsOf = (p: Parameter) => ({ defaultValue: p.defaultValue, killed: p.killed, rules: p.rules });

/** Approved: not required, or some reviewer other than the author approved this revision and nobody's latest word on it is "request changes". */
export function isApproved(request: ChangeRequestRecord, environment: Environment): boolean {
  if (!environment.requiresApproval) return true;
  const latest = new Map<string, ChangeRequestRecord['reviews'][number]>();
  for (const review of request.reviews) if (review.revision === request.revision) latest.set(review.userId, review);
  const verdicts = [...latest.values()].filter((r) => !isContributor(request, r.userId)).map((r) => r.verdict);
  return verdicts.includes('approve') && !verdicts.includes('requestChanges');
}

/** The author, or someone who edited the changes since: they do not approve their own work. */
const isContributor = (request: ChangeRequestRecord, personId: string | null) =>
  personId !== null && (personId === request.authorId || (request.editorIds ?? []).includes(personId));

export async function view(store: Store, request: ChangeRequestRecord): Promise<ChangeRequest> {
  const environment = await resolveEnvironment(store, request.environmentId);
  return { ...request, approved: isApproved(request, environment) };
}

export async function getChangeRequest(store: Store, id: string): Promise<ChangeRequestRecord> {
  const request = await store.changeRequests.getById(id);
  if (!request) throw notFound('No such change request');
  return request;
}

/** The items for proposed changes: each checked against the parameter as the author saw it. */
async function itemsFor(store: Store, environmentId: string, changes: { parameterId: string; baseVersion: number; after: Settings }[]): Promise<ChangeItem[]> {
  const segmentIds = new Set((await store.segments.list(false)).map((s) => s.id));
  const items: ChangeItem[] = [];
  for (const [index, change] of changes.entries()) {
    const current = await store.parameters.getById(change.parameterId, environmentId);
    if (!current || current.archivedAt) throw badRequest('A change names a parameter that does not exist', [{ path: `changes.${index}.parameterId`, message: 'No such parameter' }]);
    if (current.version !== change.baseVersion) {
      throw conflict(`${current.key} changed after you opened it (now version ${current.version}). Reload, then propose again.`, [
        { path: `changes.${index}.baseVersion`, message: `Now version ${current.version}` },
      ]);
    }
    const after = { ...change.after, rules: withRuleIds(change.after.rules) };
    try {
      assertValidParameter({ ...current, ...after }, segmentIds);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      throw badRequest(error.message, (error.errors ?? []).map((e) => ({ ...e, path: `changes.${index}.after.${e.path}` })));
    }
    items.push({ parameterId: current.id, parameterKey: current.key, parameterName: current.name, baseVersion: current.version, before: settingsOf(current), after });
  }
  return items;
}

export async function save(store: Store, services: Services, caller: Caller, action: string, before: ChangeRequestRecord | null, next: ChangeRequestRecord) {
  if (before === null) await store.changeRequests.insert(next);
  else if (!(await store.changeRequests.update(next, before.version))) throw staleRequest();
  await recordAudit(store, services.clock.now(), {
    actor: caller.actor,
    action: `changeRequest.${action}`,
    objectType: 'changeRequest',
    objectId: next.id,
    objectLabel: next.title,
    before: before && { status: before.status, revision: before.revision, items: before.items, publishAt: before.publishAt },
    after: { status: next.status, revision: next.revision, items: next.items, publishAt: next.publishAt, bypassReason: next.bypassReason },
  });
  return view(store, next);
}

export const staleRequest = () => conflict('Someone else changed this change request after you opened it. Reload and try again.');

export async function createChangeRequest(services: Services, body: z.output<typeof createChangeRequestBodySchema>, caller: Caller): Promise<ChangeRequest> {
  return services.store.transaction(async (store) => {
    const environment = await writableEnvironment(store, body.environmentId, 'environmentId');
    const ids = body.changes.map((c) => c.parameterId);
    if (new Set(ids).size !== ids.length) throw badRequest('Each parameter once per change request', [{ path: 'changes', message: 'A parameter appears twice' }]);
    const now = services.clock.now().toISOString();
    const request: ChangeRequestRecord = {
      id: randomId(),
      environmentId: environment.id,
      title: body.title,
      status: 'open',
      items: await itemsFor(store, environment.id, body.changes),
      experiments: await experimentChangesFor(services, store, environment.id, body.experiments),
      authorId: caller.personId,
      authorName: caller.actor.name,
      revision: 1,
      reviews: [],
      comments: body.comment ? [{ id: timeOrderedId(), userId: caller.personId, userName: caller.actor.name, body: body.comment, at: now }] : [],
      publishAt: null,
      publishedAt: null,
      publishedBy: null,
      bypassReason: null,
      lastError: null,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    return save(store, services, caller, 'created', null, request);
  });
}

/** Runs `change` on an open request at `expectedVersion` and saves it as the next version. */
async function changeOpen(
  services: Services,
  id: string,
  expectedVersion: number | null,
  caller: Caller,
  action: string,
  change: (current: ChangeRequestRecord, store: Store) => Promise<Partial<ChangeRequestRecord>> | Partial<ChangeRequestRecord>,
): Promise<ChangeRequest> {
  return services.store.transaction(async (store) => {
    const current = await getChangeRequest(store, id);
    if (expectedVersion !== null && current.version !== expectedVersion) throw staleRequest();
    if (current.status !== 'open') throw conflict(`This change request is ${current.status}: nothing more can change in it`);
    const next = { ...current, ...(await change(current, store)), version: current.version + 1, updatedAt: services.clock.now().toISOString() };
    return save(store, services, caller, action, current, next);
  });
}

export function updateChangeRequest(services: Services, id: string, body: z.output<typeof updateChangeRequestBodySchema>, caller: Caller) {
  return changeOpen(services, id, body.expectedVersion, caller, 'edited', async (current, store) => {
    const removed = new Set(body.remove ?? []);
    const replaced = await itemsFor(store, current.environmentId, body.changes ?? []);
    const replacedIds = new Set(replaced.map((item) => item.parameterId));
    const items = [...current.items.filter((item) => !removed.has(item.parameterId) && !replacedIds.has(item.parameterId)), ...replaced];
    if (items.length + current.experiments.length === 0) throw badRequest('A change request needs at least one change; discard it instead', [{ path: 'remove', message: 'Would leave no change' }]);
    // Any edit of what would be published starts a new revision: earlier approvals no longer count.
    const itemsChanged = JSON.stringify(items) !== JSON.stringify(current.items);
    const editorIds = itemsChanged && caller.personId && !isContributor(current, caller.personId) ? [...(current.editorIds ?? []), caller.personId] : current.editorIds;
    return { title: body.title ?? current.title, items, editorIds, revision: itemsChanged ? current.revision + 1 : current.revision };
  });
}

export function reviewChangeRequest(services: Services, id: string, expectedVersion: number, verdict: 'approve' | 'requestChanges', comment: string | undefined, caller: Caller) {
  return changeOpen(services, id, expectedVersion, caller, verdict === 'approve' ? 'approved' : 'changesRequested', (current) => {
    if (caller.personId === null || isContributor(current, caller.personId)) {
      throw forbidden('You wrote or edited this change request: someone who did neither reviews it');
    }
    const at = services.clock.now().toISOString();
    const review = { userId: caller.personId, userName: caller.actor.name, verdict, revision: current.revision, at };
    const comments = comment ? [...current.comments, { id: timeOrderedId(), userId: caller.personId, userName: caller.actor.name, body: comment, at }] : current.comments;
    return { reviews: [...current.reviews, review], comments };
  });
}

export function commentOnChangeRequest(services: Services, id: string, body: string, caller: Caller) {
  return changeOpen(services, id, null, caller, 'commented', (current) => ({
    comments: [...current.comments, { id: timeOrderedId(), userId: caller.personId, userName: caller.actor.name, body, at: services.clock.now().toISOString() }],
  }));
}

export function scheduleChangeRequest(services: Services, id: string, expectedVersion: number, publishAt: string | null, caller: Caller) {
  return changeOpen(services, id, expectedVersion, caller, publishAt ? 'scheduled' : 'unscheduled', () => ({ publishAt, lastError: null }));
}

/** Takes the parameters' current versions as the new base (after a conflict); a new revision. */
export function rebaseChangeRequest(services: Services, id: string, expectedVersion: number, caller: Caller) {
  return changeOpen(services, id, expectedVersion, caller, 'rebased', async (current, store) => {
    const items: ChangeItem[] = [];
    for (const item of current.items) {
      const parameter = await store.parameters.getById(item.parameterId, current.environmentId);
      if (!parameter || parameter.archivedAt) continue;
      items.push({ ...item, baseVersion: parameter.version, before: settingsOf(parameter) });
    }
    const experiments = await rebasedExperimentChanges(store, current);
    if (items.length + experiments.length === 0) throw conflict('Everything this change request changed is gone: discard it');
    return { items, experiments, revision: current.revision + 1, lastError: null };
  });
}

export function discardChangeRequest(services: Services, id: string, expectedVersion: number, caller: Caller) {
  return changeOpen(services, id, expectedVersion, caller, 'discarded', () => ({ status: 'discarded' as const, publishAt: null }));
}
