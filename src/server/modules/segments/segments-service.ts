import { activeInEveryEnvironment } from '../usage/usage-service';
import type { z } from 'zod';
import type { createSegmentBodySchema, Segment, SegmentDefinition, updateSegmentBodySchema } from '../../../shared/contract/segments';
import type { FieldError } from '../../../shared/contract/common';
import { randomId } from '../../lib/crypto';
import { badRequest, conflict, notFound } from '../../lib/errors';
import type { Services } from '../../services';
import type { SegmentRecord, Store } from '../../store/types';
import { recordAudit, type Actor } from '../audit/audit-service';
import { compiledView, findCycle, referencesOf } from './segment-graph';
import { unrunnableBuilderPatterns, unrunnablePatterns } from '../../../shared/targeting';

export function toSegmentView(record: SegmentRecord, now: Date): Segment {
  return { ...record, compiled: compiledView(record, now) };
}

/** Splits an id list off the definition: the row keeps only the count. */
function stored(definition: SegmentDefinition): { definition: SegmentRecord['definition']; ids?: string[] } {
  if (definition.kind !== 'ids') return { definition };
  const ids = [...new Set(definition.ids)];
  return { definition: { kind: 'ids', attribute: definition.attribute, idCount: ids.length }, ids };
}

async function assertReferencesValid(store: Store, id: string, definition: SegmentDefinition): Promise<void> {
  const active = await store.segments.list(false);
  const known = new Set(active.map((s) => s.id));
  const errors: FieldError[] = [];
  const references = referencesOf(definition);
  references.forEach((ref) => {
    if (ref === id) errors.push({ path: 'definition', message: 'A segment cannot include itself' });
    else if (!known.has(ref)) errors.push({ path: definition.kind === 'combination' ? 'definition.include' : 'definition', message: `Unknown or archived segment "${ref}"` });
  });
  if (errors.length === 0) {
    const cycle = findCycle(id, definition, new Map(active.map((s) => [s.id, s.definition])));
    if (cycle) {
      const names = new Map(active.map((s) => [s.id, s.name]));
      errors.push({ path: 'definition', message: `This would make a cycle: ${cycle.map((s) => names.get(s) ?? 'this segment').join(' → ')}` });
    }
  }
  if (errors.length > 0) throw badRequest('The segment refers to segments it cannot use', errors);
}

/**
 * Refuses patterns the linear-time engine cannot run (they would never match). The shared
 * contract checks syntax only, so the dashboard need not load the engine; this compiles.
 */
function assertPatternsRun(definition: SegmentDefinition): void {
  const errors: FieldError[] =
    definition.kind === 'rules'
      ? unrunnableBuilderPatterns(definition.builder).map((p) => ({ path: `definition.builder.${p.path}`, message: p.message }))
      : definition.kind === 'condition'
        ? unrunnablePatterns(definition.condition).map((p) => ({ path: 'definition.condition', message: `${p.message} (at ${p.path})` }))
        : [];
  if (errors.length > 0) throw badRequest('The segment has patterns that cannot run', errors);
}

export async function listSegments(services: Services, archived: boolean): Promise<Segment[]> {
  const now = services.clock.now();
  return (await services.store.segments.list(archived)).map((s) => toSegmentView(s, now));
}

export async function getSegment(services: Services, id: string): Promise<Segment> {
  const segment = await services.store.segments.getById(id);
  if (!segment) throw notFound('No such segment');
  return toSegmentView(segment, services.clock.now());
}

async function save(services: Services, actor: Actor, before: SegmentRecord | null, next: SegmentRecord, ids: string[] | undefined, action: string): Promise<Segment> {
  const saved = await services.store.transaction(async (store) => {
    let result: SegmentRecord;
    if (before === null) {
      await store.segments.insert(next, ids);
      result = next;
    } else {
      const updated = await store.segments.update(next, before.version, ids);
      if (!updated) throw conflict('Someone else saved this segment after you opened it. Reload to see their change.', undefined, { current: await store.segments.getById(next.id) });
      result = updated;
    }
    await recordAudit(store, services.clock.now(), { actor, action: `segment.${action}`, objectType: 'segment', objectId: result.id, objectLabel: result.name, before, after: result });
    await store.configVersion.bump();
    return result;
  });
  services.configChanged();
  return toSegmentView(saved, services.clock.now());
}

export async function createSegment(services: Services, body: z.output<typeof createSegmentBodySchema>, actor: Actor): Promise<Segment> {
  const id = randomId();
  assertPatternsRun(body.definition);
  await assertReferencesValid(services.store, id, body.definition);
  const now = services.clock.now().toISOString();
  const { definition, ids } = stored(body.definition);
  const record: SegmentRecord = { id, name: body.name, description: body.description, definition, archivedAt: null, version: 1, createdAt: now, updatedAt: now, updatedBy: actor.name };
  return save(services, actor, null, record, ids, 'created');
}

export async function updateSegment(services: Services, id: string, body: z.output<typeof updateSegmentBodySchema>, actor: Actor): Promise<Segment> {
  const current = await services.store.segments.getById(id);
  if (!current) throw notFound('No such segment');
  if (current.version !== body.expectedVersion) {
    throw conflict('Someone else saved this segment after you opened it. Reload to see their change.', undefined, { current: toSegmentView(current, services.clock.now()) });
  }
  if (body.definition) {
    assertPatternsRun(body.definition);
    await assertReferencesValid(services.store, id, body.definition);
  }
  const split = body.definition ? stored(body.definition) : undefined;
  const next: SegmentRecord = {
    ...current,
    name: body.name ?? current.name,
    description: body.description ?? current.description,
    definition: split?.definition ?? current.definition,
    updatedAt: services.clock.now().toISOString(),
    updatedBy: actor.name,
  };
  return save(services, actor, current, next, split?.ids, 'updated');
}

export async function duplicateSegment(services: Services, id: string, actor: Actor): Promise<Segment> {
  const source = await services.store.segments.getById(id);
  if (!source) throw notFound('No such segment');
  const ids = source.definition.kind === 'ids' ? await services.store.segments.getIds(id) : undefined;
  const now = services.clock.now().toISOString();
  const copy: SegmentRecord = { ...source, id: randomId(), name: `Copy of ${source.name}`, archivedAt: null, version: 1, createdAt: now, updatedAt: now, updatedBy: actor.name };
  return save(services, actor, null, copy, ids, 'duplicated');
}

/** Archiving is refused while a parameter rule or another segment still uses the segment. */
export async function setArchived(services: Services, id: string, archived: boolean, actor: Actor): Promise<Segment> {
  const current = await services.store.segments.getById(id);
  if (!current) throw notFound('No such segment');
  if (archived) {
    const users = (await activeInEveryEnvironment(services.store)).filter((p) => p.rules.some((r) => r.audience.kind === 'segment' && r.audience.segmentId === id));
    const referrers = (await services.store.segments.list(false)).filter((s) => s.id !== id && referencesOf(s.definition).includes(id));
    const experiments = (await services.store.experiments.list(['draft', 'scheduled', 'running', 'paused'])).filter(
      (e) => e.audience.kind === 'segment' && e.audience.segmentId === id,
    );
    if (users.length || referrers.length || experiments.length) {
      const names = [...users.map((p) => `parameter ${p.key}`), ...referrers.map((s) => `segment "${s.name}"`), ...experiments.map((e) => `experiment "${e.name}"`)];
      throw conflict(`This segment is still used by ${names.join(', ')}. Remove those uses first.`);
    }
  }
  const next = { ...current, archivedAt: archived ? services.clock.now().toISOString() : null, updatedAt: services.clock.now().toISOString(), updatedBy: actor.name };
  return save(services, actor, current, next, undefined, archived ? 'archived' : 'unarchived');
}
