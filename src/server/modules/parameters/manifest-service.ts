import type { z } from 'zod';
import type { ImportResult, importManifestBodySchema, Manifest, Parameter } from '../../../shared/contract/parameters';
import { diffJson } from '../../../shared/values';
import type { FieldError } from '../../../shared/contract/common';
import { badRequest } from '../../lib/errors';
import type { Services } from '../../services';
import type { Actor } from '../audit/audit-service';
import { createParameter, updateParameter } from './parameters-service';
import { assertValidParameter } from './parameter-rules';
import { AppError } from '../../lib/errors';
import { NO_BYPASS, requireApprovalOrBypass } from '../environments/approval-guard';

export const MANIFEST_FORMAT = 'switchboard.parameters/v1';

/** Every active parameter as code: keys, types, constraints and one environment's defaults. */
export async function exportManifest(services: Services, environmentId: string): Promise<Manifest> {
  const parameters = await services.store.parameters.listActive(environmentId);
  return {
    format: MANIFEST_FORMAT,
    parameters: parameters.map((p) => ({ key: p.key, name: p.name, description: p.description, tags: p.tags, spec: p.spec, defaultValue: p.defaultValue })),
  };
}

type Entry = Manifest['parameters'][number];

function managedFields(entry: Entry, current: Parameter | null) {
  return {
    name: entry.name ?? current?.name ?? entry.key,
    description: entry.description ?? current?.description ?? '',
    tags: entry.tags ?? current?.tags ?? [],
    spec: entry.spec,
    defaultValue: entry.defaultValue,
  };
}

/**
 * Plans (dry run) or applies a manifest. Idempotent: applying the same manifest twice changes
 * nothing the second time. Parameters missing from the manifest are left alone.
 */
export async function importManifest(services: Services, environmentId: string, body: z.output<typeof importManifestBodySchema>, actor: Actor): Promise<ImportResult> {
  const entries = body.manifest.parameters;
  const duplicates = entries.map((e) => e.key).filter((key, i, keys) => keys.indexOf(key) !== i);
  if (duplicates.length > 0) {
    throw badRequest('A key appears twice in the manifest', duplicates.map((key) => ({ path: `manifest.parameters.${entries.findIndex((e) => e.key === key)}.key`, message: `Duplicate key ${key}` })));
  }
  const errors: FieldError[] = [];
  const plan = await Promise.all(
    entries.map(async (entry, index) => {
      const current = await services.store.parameters.getByKey(entry.key, environmentId);
      const fields = managedFields(entry, current);
      try {
        assertValidParameter({ spec: fields.spec, defaultValue: fields.defaultValue, killed: current?.killed ?? false, rules: current?.rules ?? [] });
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        errors.push(...(error.errors ?? []).map((e) => ({ ...e, path: `manifest.parameters.${index}.${e.path}` })));
      }
      const before = current ? { name: current.name, description: current.description, tags: current.tags, spec: current.spec, defaultValue: current.defaultValue } : {};
      const changes = diffJson(before, fields);
      const action = !current ? ('create' as const) : changes.length > 0 ? ('update' as const) : ('unchanged' as const);
      return { key: entry.key, action, changes, current, fields };
    }),
  );
  if (errors.length > 0) throw badRequest('The manifest has invalid parameters; nothing was imported', errors);

  if (!body.dryRun) {
    // Checked before anything is written: where approval is required, changing an existing
    // parameter's default or type is a change request, and the import must not apply half of itself.
    const changed = plan.filter((item) => item.action === 'update' && item.changes.some((c) => c.path.startsWith('defaultValue') || c.path.startsWith('spec')));
    if (changed.length > 0) {
      const what = `the new defaults or types of ${changed.map((item) => item.key).join(', ')}`;
      await requireApprovalOrBypass(services.store, services, actor, environmentId, what, NO_BYPASS, { type: 'parameter', id: changed[0].current!.id, label: changed[0].key });
    }
    // One parameter at a time through the normal paths, so each gets its version and audit entry.
    for (const item of plan) {
      if (item.action === 'create') await createParameter(services, environmentId, { key: item.key, ...item.fields, killed: false, rules: [] }, actor);
      if (item.action === 'update' && item.current) await updateParameter(services, item.current.id, environmentId, { expectedVersion: item.current.version, ...item.fields }, actor);
    }
  }
  const count = (action: string) => plan.filter((item) => item.action === action).length;
  return {
    dryRun: body.dryRun,
    applied: !body.dryRun,
    items: plan.map(({ key, action, changes }) => ({ key, action, changes })),
    summary: { create: count('create'), update: count('update'), unchanged: count('unchanged') },
  };
}
