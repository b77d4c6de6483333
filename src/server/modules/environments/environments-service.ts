import type { z } from 'zod';
import {
  PRODUCTION_ENVIRONMENT_ID,
  type createEnvironmentBodySchema,
  type Environment,
  type updateEnvironmentBodySchema,
} from '../../../shared/contract/environments';
import { randomId } from '../../lib/crypto';
import { badRequest, conflict, notFound, UniqueViolation } from '../../lib/errors';
import type { Services } from '../../services';
import type { Store } from '../../store/types';
import { recordAudit, type Actor } from '../audit/audit-service';

/**
 * The environment a request means: `?environment=` names one by id or key; Production when left
 * out, so clients from before environments keep working unchanged. An unknown one is a 400.
 */
export async function resolveEnvironment(store: Store, reference: string | undefined, field = 'environment'): Promise<Environment> {
  const wanted = reference ?? PRODUCTION_ENVIRONMENT_ID;
  const found = (await store.environments.getById(wanted)) ?? (await store.environments.getByKey(wanted));
  if (!found) throw badRequest(`There is no environment "${wanted}"`, [{ path: field, message: 'No such environment' }]);
  return found;
}

/** As resolveEnvironment, for writes: an archived environment takes no changes. */
export async function writableEnvironment(store: Store, reference: string | undefined, field = 'environment'): Promise<Environment> {
  const environment = await resolveEnvironment(store, reference, field);
  if (environment.archivedAt) throw conflict(`${environment.name} is archived: unarchive it before changing anything in it`);
  return environment;
}

export async function listEnvironments(services: Services): Promise<Environment[]> {
  return services.store.environments.list();
}

export async function createEnvironment(services: Services, body: z.output<typeof createEnvironmentBodySchema>, actor: Actor): Promise<Environment> {
  const now = services.clock.now().toISOString();
  try {
    const created = await services.store.transaction(async (store) => {
      const all = await store.environments.list();
      const environment: Environment = {
        id: randomId(),
        key: body.key,
        name: body.name,
        color: body.color,
        position: all.length,
        requiresApproval: body.requiresApproval,
        archivedAt: null,
        version: 1,
        createdAt: now,
        updatedAt: now,
      };
      await store.environments.insert(environment);
      // A new environment starts as a copy of Production: every parameter exists in it at once.
      await store.parameters.copyEnvironment(PRODUCTION_ENVIRONMENT_ID, environment.id, now, `Copied from Production by ${actor.name}`);
      await store.configVersion.bump(environment.id);
      await recordAudit(store, services.clock.now(), { actor, action: 'environment.created', objectType: 'environment', objectId: environment.id, objectLabel: environment.name, before: null, after: environment });
      return environment;
    });
    services.configChanged();
    return created;
  } catch (error) {
    if (error instanceof UniqueViolation) throw conflict('An environment with this key exists already', [{ path: 'key', message: 'This key is taken' }]);
    throw error;
  }
}

export async function updateEnvironment(services: Services, id: string, body: z.output<typeof updateEnvironmentBodySchema>, actor: Actor): Promise<Environment> {
  const saved = await services.store.transaction(async (store) => {
    const current = await store.environments.getById(id);
    if (!current) throw notFound('No such environment');
    if (current.version !== body.expectedVersion) {
      throw conflict('Someone else changed this environment after you opened it. Reload and try again.', undefined, { current });
    }
    const now = services.clock.now().toISOString();
    const archivedAt = body.archived === undefined ? current.archivedAt : body.archived ? (current.archivedAt ?? now) : null;
    if (archivedAt && !current.archivedAt) await assertArchivable(store, current);
    const next: Environment = {
      ...current,
      name: body.name ?? current.name,
      color: body.color ?? current.color,
      requiresApproval: body.requiresApproval ?? current.requiresApproval,
      archivedAt,
      updatedAt: now,
    };
    const updated = await store.environments.update(next, body.expectedVersion);
    if (!updated) throw conflict('Someone else changed this environment after you opened it. Reload and try again.');
    const action = archivedAt && !current.archivedAt ? 'archived' : !archivedAt && current.archivedAt ? 'unarchived' : 'updated';
    await recordAudit(store, services.clock.now(), { actor, action: `environment.${action}`, objectType: 'environment', objectId: id, objectLabel: updated.name, before: current, after: updated });
    return updated;
  });
  services.configChanged();
  return saved;
}

/** Archiving stops nothing silently: live keys and experiments must be dealt with first. */
async function assertArchivable(store: Store, environment: Environment) {
  if (environment.id === PRODUCTION_ENVIRONMENT_ID) throw conflict('Production cannot be archived: it is where apps without an environment of their own read');
  const keys = (await store.sdkKeys.list()).filter((k) => k.environmentId === environment.id && !k.revokedAt);
  if (keys.length > 0) throw conflict(`${environment.name} still has ${keys.length} active SDK key${keys.length === 1 ? '' : 's'}: revoke ${keys.length === 1 ? 'it' : 'them'} first, so no app loses its values unnoticed`);
  const live = await store.experiments.list(['scheduled', 'running', 'paused'], environment.id);
  if (live.length > 0) throw conflict(`The experiment "${live[0].name}" is ${live[0].status} in ${environment.name}: complete it first`);
}

export async function reorderEnvironments(services: Services, ids: string[], actor: Actor): Promise<Environment[]> {
  return services.store.transaction(async (store) => {
    const before = await store.environments.list();
    const active = before.filter((e) => !e.archivedAt).map((e) => e.id);
    const sameSet = ids.length === active.length && new Set(ids).size === ids.length && ids.every((id) => active.includes(id));
    if (!sameSet) throw badRequest('List every active environment once, in the new order', [{ path: 'ids', message: 'Must name each active environment once' }]);
    await store.environments.reorder([...ids, ...before.filter((e) => e.archivedAt).map((e) => e.id)]);
    const after = await store.environments.list();
    await recordAudit(store, services.clock.now(), {
      actor,
      action: 'environment.reordered',
      objectType: 'environment',
      objectId: ids[0],
      objectLabel: 'Order of environments',
      before: before.map((e) => e.key),
      after: after.map((e) => e.key),
    });
    return after;
  });
}
