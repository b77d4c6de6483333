import type { z } from 'zod';
import type {
  bulkParametersBodySchema,
  createParameterBodySchema,
  listParametersQuerySchema,
  Parameter,
  ParameterPage,
  ParameterVersion,
  restoreParameterBodySchema,
  updateParameterBodySchema,
} from '../../../shared/contract/parameters';
import { randomId } from '../../lib/crypto';
import { AppError, badRequest, conflict, notFound, UniqueViolation } from '../../lib/errors';
import { definedOnly } from '../../lib/objects';
import { touchedKeys } from '../experiments/experiment-checks';
import type { Services } from '../../services';
import type { Store } from '../../store/types';
import { recordAudit, type Actor } from '../audit/audit-service';
import { NO_BYPASS, requireApprovalOrBypass, type WriteApproval } from '../environments/approval-guard';
import { assertValidParameter, changesBetween, editableView, withRuleIds } from './parameter-rules';

type CreateBody = z.output<typeof createParameterBodySchema>;
type UpdateBody = z.output<typeof updateParameterBodySchema>;

export async function listParameters(services: Services, environmentId: string, query: z.output<typeof listParametersQuerySchema>): Promise<ParameterPage> {
  const { search, type, tag, sort, offset, limit } = query;
  const [page, tags] = await Promise.all([
    services.store.parameters.list({ environmentId, search: search?.trim() || undefined, type, tag, sort, archived: query.archived === 'true', offset, limit }),
    services.store.parameters.tags(),
  ]);
  return { ...page, offset, limit, tags };
}

/** One parameter as an environment sees it, by id or key. */
export async function getParameter(services: Services, id: string, environmentId: string): Promise<Parameter> {
  const { parameters } = services.store;
  const parameter = (await parameters.getById(id, environmentId)) ?? (await parameters.getByKey(id, environmentId));
  if (!parameter) throw notFound('No such parameter');
  return parameter;
}

export async function listVersions(services: Services, id: string, environmentId: string): Promise<ParameterVersion[]> {
  const parameter = await getParameter(services, id, environmentId);
  return services.store.parameters.listVersions(parameter.id, environmentId);
}

/** Writes a new or changed parameter with its version, audit entry and config bump, atomically. */
export async function saveVersion(
  store: Store,
  services: Services,
  actor: Actor,
  before: Parameter | null,
  next: Parameter,
  action: ParameterVersion['action'],
  restoredFrom: number | null = null,
): Promise<Parameter> {
  let saved: Parameter;
  if (before === null) {
    await store.parameters.insert(next);
    saved = next;
  } else {
    const updated = await store.parameters.update(next, before.version);
    if (!updated) throw await staleVersion(store, next.id, next.environmentId);
    saved = updated;
  }
  const changes = changesBetween(before, saved);
  await store.parameters.insertVersion({
    parameterId: saved.id,
    version: saved.version,
    action,
    snapshot: saved,
    changes,
    restoredFrom,
    authorId: actor.id,
    authorName: actor.name,
    createdAt: saved.updatedAt,
  });
  await recordAudit(store, services.clock.now(), {
    actor,
    action: `parameter.${action}`,
    objectType: 'parameter',
    objectId: saved.id,
    objectLabel: `${saved.key} (${await environmentName(store, saved.environmentId)})`,
    before: before ? editableView(before) : null,
    after: editableView(saved),
  });
  // The type and archiving are shared: they change every environment's answers.
  const shared = before !== null && (JSON.stringify(before.spec) !== JSON.stringify(saved.spec) || before.archivedAt !== saved.archivedAt);
  await store.configVersion.bump(before === null || shared ? undefined : saved.environmentId);
  return saved;
}

async function environmentName(store: Store, environmentId: string) {
  return (await store.environments.getById(environmentId))?.name ?? environmentId;
}

async function staleVersion(store: Store, id: string, environmentId: string) {
  const current = await store.parameters.getById(id, environmentId);
  return conflict('Someone else saved this parameter after you opened it. Review their change, then reload or overwrite.', undefined, {
    current,
  });
}

/**
 * Creates the parameter in every environment with the same default value; the kill switch and
 * rules given apply in `environmentId` only (rules are aimed at one environment's audience).
 */
export async function createParameter(services: Services, environmentId: string, body: CreateBody, actor: Actor): Promise<Parameter> {
  const now = services.clock.now().toISOString();
  const parameter: Parameter = {
    id: randomId(),
    environmentId,
    key: body.key,
    name: body.name,
    description: body.description,
    tags: [...new Set(body.tags)],
    spec: body.spec,
    defaultValue: body.defaultValue,
    killed: body.killed,
    rules: withRuleIds(body.rules),
    archivedAt: null,
    version: 1,
    createdAt: now,
    updatedAt: now,
    updatedBy: actor.name,
  };
  assertValidParameter(parameter, await activeSegmentIds(services.store));
  try {
    const saved = await services.store.transaction(async (store) => {
      const created = await saveVersion(store, services, actor, null, parameter, 'created');
      for (const other of await store.environments.list()) {
        if (other.id === environmentId) continue;
        const elsewhere: Parameter = { ...parameter, environmentId: other.id, killed: false, rules: [] };
        await store.parameters.insertSettings(elsewhere);
        await store.parameters.insertVersion({ parameterId: elsewhere.id, version: 1, action: 'created', snapshot: elsewhere, changes: changesBetween(null, elsewhere), restoredFrom: null, authorId: actor.id, authorName: actor.name, createdAt: now });
      }
      return created;
    });
    await services.store.requestedKeys.delete([saved.key]);
    services.configChanged();
    return saved;
  } catch (error) {
    if (error instanceof UniqueViolation) throw conflict('A parameter with this key exists already', [{ path: 'key', message: 'This key is taken' }]);
    throw error;
  }
}

export async function updateParameter(services: Services, id: string, environmentId: string, body: UpdateBody, actor: Actor, approval = NO_BYPASS): Promise<Parameter> {
  // The bypass reason is not a field of the parameter: the route passes it in `approval`.
  const { expectedVersion, bypassReason: _reason, ...changes } = body;
  const saved = await services.store.transaction(async (store) => {
    const current = await store.parameters.getById(id, environmentId);
    if (!current) throw notFound('No such parameter');
    if (current.version !== expectedVersion) throw await staleVersion(store, id, environmentId);
    const { rules, ...plain } = definedOnly(changes);
    const next: Parameter = { ...current, ...plain, updatedAt: services.clock.now().toISOString(), updatedBy: actor.name };
    if (changes.tags) next.tags = [...new Set(changes.tags)];
    if (rules) next.rules = withRuleIds(rules);
    assertValidParameter(next, await activeSegmentIds(store));
    if (JSON.stringify(next.spec) !== JSON.stringify(current.spec)) await assertSpecFitsEverywhere(store, next);
    if (changesBetween(current, next).length === 0) return current;
    await assertDirectWriteAllowed(store, services, actor, current, next, approval);
    return saveVersion(store, services, actor, current, next, 'updated');
  });
  services.configChanged();
  return saved;
}

export async function restoreParameter(
  services: Services,
  id: string,
  environmentId: string,
  body: z.output<typeof restoreParameterBodySchema>,
  actor: Actor,
  approval = NO_BYPASS,
): Promise<Parameter> {
  const saved = await services.store.transaction(async (store) => {
    const current = await store.parameters.getById(id, environmentId);
    if (!current) throw notFound('No such parameter');
    if (current.version !== body.expectedVersion) throw await staleVersion(store, id, environmentId);
    const old = await store.parameters.getVersion(id, environmentId, body.version);
    if (!old) throw badRequest('That version does not exist', [{ path: 'version', message: `No version ${body.version}` }]);
    const { name, description, tags, spec, defaultValue, killed } = old.snapshot;
    // Versions from before targeting rules existed have none.
    const rules = old.snapshot.rules ?? [];
    const next: Parameter = { ...current, name, description, tags, spec, defaultValue, killed, rules, updatedAt: services.clock.now().toISOString(), updatedBy: actor.name };
    assertValidParameter(next, await activeSegmentIds(store));
    if (JSON.stringify(next.spec) !== JSON.stringify(current.spec)) await assertSpecFitsEverywhere(store, next);
    await assertDirectWriteAllowed(store, services, actor, current, next, approval);
    return saveVersion(store, services, actor, current, next, 'restored', body.version);
  });
  services.configChanged();
  return saved;
}

export async function bulkUpdate(services: Services, environmentId: string, body: z.output<typeof bulkParametersBodySchema>, actor: Actor, approval = NO_BYPASS): Promise<number> {
  if ((body.action === 'addTag' || body.action === 'removeTag') && !body.tag) {
    throw badRequest('Name the tag to add or remove', [{ path: 'tag', message: 'Required' }]);
  }
  const updated = await services.store.transaction(async (store) => {
    if (body.action === 'archive') await assertNotInLiveExperiment(store, body.ids, environmentId);
    if ((body.action === 'archive' || body.action === 'unarchive') && !approval.isAdmin) await assertNoApprovalEnvironment(store);
    let count = 0;
    const now = services.clock.now().toISOString();
    for (const current of await store.parameters.getByIds([...new Set(body.ids)], environmentId)) {
      const next = applyBulk(current, body.action, body.tag, now);
      if (!next || changesBetween(current, next).length === 0) continue;
      const action = body.action === 'archive' ? 'archived' : body.action === 'unarchive' ? 'unarchived' : 'updated';
      await saveVersion(store, services, actor, current, { ...next, updatedBy: actor.name }, action);
      count++;
    }
    return count;
  });
  services.configChanged();
  return updated;
}

function applyBulk(p: Parameter, action: z.output<typeof bulkParametersBodySchema>['action'], tag: string | undefined, now: string): Parameter | null {
  switch (action) {
    case 'archive':
      return p.archivedAt ? null : { ...p, archivedAt: now, updatedAt: now };
    case 'unarchive':
      return p.archivedAt ? { ...p, archivedAt: null, updatedAt: now } : null;
    case 'addTag':
      return p.tags.includes(tag!) ? null : { ...p, tags: [...p.tags, tag!], updatedAt: now };
    case 'removeTag':
      return p.tags.includes(tag!) ? { ...p, tags: p.tags.filter((t) => t !== tag), updatedAt: now } : null;
  }
}

/** Archiving (in every environment) a parameter that a scheduled, running or paused experiment changes would break it. */
async function assertNotInLiveExperiment(store: Store, ids: string[], environmentId: string): Promise<void> {
  const keys = new Map((await store.parameters.getByIds([...new Set(ids)], environmentId)).map((p) => [p.key, p]));
  for (const experiment of await store.experiments.list(['scheduled', 'running', 'paused'])) {
    const used = touchedKeys(experiment.variants).find((key) => keys.has(key));
    if (used) {
      throw conflict(`"${used}" is used by the ${experiment.status} experiment "${experiment.name}": complete the experiment first`, [
        { path: 'ids', message: `Used by experiment "${experiment.name}"` },
      ]);
    }
  }
}

async function activeSegmentIds(store: Store): Promise<Set<string>> {
  return new Set((await store.segments.list(false)).map((segment) => segment.id));
}

/** The type is shared: a new one must fit every environment's default value and rules, not just this one's. */
async function assertSpecFitsEverywhere(store: Store, next: Parameter): Promise<void> {
  for (const environment of await store.environments.list()) {
    if (environment.id === next.environmentId) continue;
    const there = await store.parameters.getById(next.id, environment.id);
    if (!there) continue;
    try {
      assertValidParameter({ ...there, spec: next.spec });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const fields = error.errors ?? [];
      throw badRequest(`The new type does not fit the values in ${environment.name}: change them there first`, [
        { path: 'spec', message: `Does not fit ${environment.name}: ${fields.map((f) => `${f.path} ${f.message}`).join('; ') || 'invalid'}` },
      ]);
    }
  }
}

/** The parts of a parameter that change what apps receive. */
const DELIVERED = ['defaultValue', 'killed', 'rules', 'spec'] as const;

/** Changes to what apps receive wait for approval where the environment requires it. */
async function assertDirectWriteAllowed(store: Store, services: Services, actor: Actor, current: Parameter, next: Parameter, approval: WriteApproval): Promise<void> {
  if (DELIVERED.every((field) => JSON.stringify(current[field]) === JSON.stringify(next[field]))) return;
  await requireApprovalOrBypass(store, services, actor, next.environmentId, `this change to ${next.key}`, approval, { type: 'parameter', id: next.id, label: next.key });
}

/** Archiving takes a parameter out of every environment, so no environment may require approval (admins excepted). */
async function assertNoApprovalEnvironment(store: Store): Promise<void> {
  const guarded = (await store.environments.list()).filter((e) => e.requiresApproval && !e.archivedAt);
  if (guarded.length > 0) {
    throw conflict(`Archiving takes a parameter out of every environment, and ${guarded.map((e) => e.name).join(', ')} requires approval: ask an admin`, undefined, {
      rule: 'requiresApproval',
      environment: guarded[0].key,
    });
  }
}
