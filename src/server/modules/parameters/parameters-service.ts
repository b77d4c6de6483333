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
import { badRequest, conflict, notFound, UniqueViolation } from '../../lib/errors';
import { definedOnly } from '../../lib/objects';
import { touchedKeys } from '../experiments/experiment-checks';
import type { Services } from '../../services';
import type { Store } from '../../store/types';
import { recordAudit, type Actor } from '../audit/audit-service';
import { assertValidParameter, changesBetween, editableView, withRuleIds } from './parameter-rules';

type CreateBody = z.output<typeof createParameterBodySchema>;
type UpdateBody = z.output<typeof updateParameterBodySchema>;

export async function listParameters(services: Services, query: z.output<typeof listParametersQuerySchema>): Promise<ParameterPage> {
  const { search, type, tag, sort, offset, limit } = query;
  const [page, tags] = await Promise.all([
    services.store.parameters.list({ search: search?.trim() || undefined, type, tag, sort, archived: query.archived === 'true', offset, limit }),
    services.store.parameters.tags(),
  ]);
  return { ...page, offset, limit, tags };
}

export async function getParameter(services: Services, id: string): Promise<Parameter> {
  const parameter = (await services.store.parameters.getById(id)) ?? (await services.store.parameters.getByKey(id));
  if (!parameter) throw notFound('No such parameter');
  return parameter;
}

export async function listVersions(services: Services, id: string): Promise<ParameterVersion[]> {
  const parameter = await getParameter(services, id);
  return services.store.parameters.listVersions(parameter.id);
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
    if (!updated) throw await staleVersion(store, next.id);
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
    objectLabel: saved.key,
    before: before ? editableView(before) : null,
    after: editableView(saved),
  });
  await store.configVersion.bump();
  return saved;
}

async function staleVersion(store: Store, id: string) {
  const current = await store.parameters.getById(id);
  return conflict('Someone else saved this parameter after you opened it. Review their change, then reload or overwrite.', undefined, {
    current,
  });
}

export async function createParameter(services: Services, body: CreateBody, actor: Actor): Promise<Parameter> {
  const now = services.clock.now().toISOString();
  const parameter: Parameter = {
    id: randomId(),
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
    const saved = await services.store.transaction((store) => saveVersion(store, services, actor, null, parameter, 'created'));
    await services.store.requestedKeys.delete([saved.key]);
    services.configChanged();
    return saved;
  } catch (error) {
    if (error instanceof UniqueViolation) throw conflict('A parameter with this key exists already', [{ path: 'key', message: 'This key is taken' }]);
    throw error;
  }
}

export async function updateParameter(services: Services, id: string, body: UpdateBody, actor: Actor): Promise<Parameter> {
  const { expectedVersion, ...changes } = body;
  const saved = await services.store.transaction(async (store) => {
    const current = await store.parameters.getById(id);
    if (!current) throw notFound('No such parameter');
    if (current.version !== expectedVersion) throw await staleVersion(store, id);
    const { rules, ...plain } = definedOnly(changes);
    const next: Parameter = { ...current, ...plain, updatedAt: services.clock.now().toISOString(), updatedBy: actor.name };
    if (changes.tags) next.tags = [...new Set(changes.tags)];
    if (rules) next.rules = withRuleIds(rules);
    assertValidParameter(next, await activeSegmentIds(store));
    if (changesBetween(current, next).length === 0) return current;
    return saveVersion(store, services, actor, current, next, 'updated');
  });
  services.configChanged();
  return saved;
}

export async function restoreParameter(services: Services, id: string, body: z.output<typeof restoreParameterBodySchema>, actor: Actor): Promise<Parameter> {
  const saved = await services.store.transaction(async (store) => {
    const current = await store.parameters.getById(id);
    if (!current) throw notFound('No such parameter');
    if (current.version !== body.expectedVersion) throw await staleVersion(store, id);
    const old = await store.parameters.getVersion(id, body.version);
    if (!old) throw badRequest('That version does not exist', [{ path: 'version', message: `No version ${body.version}` }]);
    const { name, description, tags, spec, defaultValue, killed } = old.snapshot;
    // Versions from before targeting rules existed have none.
    const rules = old.snapshot.rules ?? [];
    const next: Parameter = { ...current, name, description, tags, spec, defaultValue, killed, rules, updatedAt: services.clock.now().toISOString(), updatedBy: actor.name };
    assertValidParameter(next, await activeSegmentIds(store));
    return saveVersion(store, services, actor, current, next, 'restored', body.version);
  });
  services.configChanged();
  return saved;
}

export async function bulkUpdate(services: Services, body: z.output<typeof bulkParametersBodySchema>, actor: Actor): Promise<number> {
  if ((body.action === 'addTag' || body.action === 'removeTag') && !body.tag) {
    throw badRequest('Name the tag to add or remove', [{ path: 'tag', message: 'Required' }]);
  }
  const updated = await services.store.transaction(async (store) => {
    if (body.action === 'archive') await assertNotInLiveExperiment(store, body.ids);
    let count = 0;
    const now = services.clock.now().toISOString();
    for (const current of await store.parameters.getByIds([...new Set(body.ids)])) {
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

/** Archiving a parameter that a scheduled, running or paused experiment changes would break it. */
async function assertNotInLiveExperiment(store: Store, ids: string[]): Promise<void> {
  const keys = new Map((await store.parameters.getByIds([...new Set(ids)])).map((p) => [p.key, p]));
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
