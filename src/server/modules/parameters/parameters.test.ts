import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../shared/contract/audit';
import type { Manifest, Parameter, ParameterPage, ParameterVersion } from '../../../shared/contract/parameters';
import { createTestApp, type FieldProblem } from '../../test/harness';

/** An audit entry of a parameter: before and after are the parameter as it was and became. */
type ParameterAuditEntry = AuditEntry & { before: Parameter; after: Parameter };

const colour = { key: 'button.colour', name: 'Button colour', spec: { type: 'color' }, defaultValue: '#1C7ED6' };

describe('parameters', () => {
  it('creates, edits and versions a parameter with diffs, audit entries and author', async () => {
    const t = createTestApp();
    const admin = await t.setupAdmin();
    const editor = await t.userWithRole(admin, 'editor');
    const created = await t.call<Parameter>('POST', '/api/parameters', { ...colour, tags: ['home', 'home'] }, editor);
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ key: 'button.colour', version: 1, tags: ['home'], killed: false, archivedAt: null });
    const id = created.json.id;

    const edited = await t.call('PATCH', `/api/parameters/${id}`, { expectedVersion: 1, defaultValue: '#FF0000' }, editor);
    expect(edited.json).toMatchObject({ version: 2, defaultValue: '#FF0000' });

    const versions = await t.call<{ items: ParameterVersion[] }>('GET', `/api/parameters/${id}/versions`, undefined, editor);
    expect(versions.json.items.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(versions.json.items[0].changes).toEqual([{ path: 'defaultValue', before: '#1C7ED6', after: '#FF0000' }]);
    expect(versions.json.items[0].authorName).toContain('editor');

    const audit = await t.call<{ items: ParameterAuditEntry[] }>('GET', `/api/audit?objectType=parameter&objectId=${id}`, undefined, editor);
    expect(audit.json.items.map((e: { action: string }) => e.action)).toEqual(['parameter.updated', 'parameter.created']);
    expect(audit.json.items[0].before.defaultValue).toBe('#1C7ED6');
    expect(audit.json.items[0].after.defaultValue).toBe('#FF0000');
  });

  it('the key is unique and immutable', async () => {
    const t = createTestApp();
    const admin = await t.setupAdmin();
    const created = await t.call<Parameter>('POST', '/api/parameters', colour, admin);
    const duplicate = await t.call<FieldProblem>('POST', '/api/parameters', colour, admin);
    expect(duplicate.status).toBe(409);
    expect(duplicate.json.errors[0].path).toBe('key');
    const rename = await t.call<FieldProblem>('PATCH', `/api/parameters/${created.json.id}`, { expectedVersion: 1, key: 'other' }, admin);
    expect(rename.status).toBe(400);
    expect(rename.json.errors[0]).toMatchObject({ path: 'key', message: 'Unknown field' });
  });

  it('refuses invalid values with field-level errors and stores nothing', async () => {
    const t = createTestApp();
    const admin = await t.setupAdmin();
    const cases: [object, string][] = [
      [{ key: 'count', name: 'Count', spec: { type: 'integer' }, defaultValue: 1.5 }, 'defaultValue'],
      [{ key: 'bg', name: 'Background', spec: { type: 'color' }, defaultValue: '#GGGGGG' }, 'defaultValue'],
      [{ key: 'cfg', name: 'Config', spec: { type: 'json', schema: { type: 'object', required: ['a'] } }, defaultValue: {} }, 'defaultValue.a'], // the missing field's own path
      [{ key: 'list', name: 'List', spec: { type: 'array', items: { type: 'integer' } }, defaultValue: [1, 'two'] }, 'defaultValue.1'],
      [{ key: 'hero', name: 'Hero', spec: { type: 'image' }, defaultValue: { url: 'nope', alt: '' } }, 'defaultValue.url'],
      [{ key: 'title', name: 'Title', spec: { type: 'string', pattern: '([' }, defaultValue: 'x' }, 'spec.pattern'],
      [{ key: '1bad', name: 'Bad key', spec: { type: 'boolean' }, defaultValue: true }, 'key'],
      [{ key: 'label', name: 'Label', spec: { type: 'string' }, defaultValue: 'x', killed: true }, 'killed'],
    ];
    for (const [body, path] of cases) {
      const response = await t.call<FieldProblem>('POST', '/api/parameters', body, admin);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.json.errors.map((e: { path: string }) => e.path), JSON.stringify(body)).toContain(path);
    }
    expect((await t.call('GET', '/api/parameters', undefined, admin)).json.total).toBe(0);
  });

  it('a stale save gets 409 with the current parameter and changes nothing', async () => {
    const t = createTestApp();
    const admin = await t.setupAdmin();
    const { json: p } = await t.call<Parameter>('POST', '/api/parameters', colour, admin);
    await t.call('PATCH', `/api/parameters/${p.id}`, { expectedVersion: 1, defaultValue: '#000000' }, admin);
    const stale = await t.call('PATCH', `/api/parameters/${p.id}`, { expectedVersion: 1, defaultValue: '#FFFFFF' }, admin);
    expect(stale.status).toBe(409);
    expect(stale.json.current).toMatchObject({ version: 2, defaultValue: '#000000' });
    expect((await t.call('GET', `/api/parameters/${p.id}`, undefined, admin)).json.defaultValue).toBe('#000000');
  });

  it('restores an old version as a new version', async () => {
    const t = createTestApp();
    const admin = await t.setupAdmin();
    const { json: p } = await t.call<Parameter>('POST', '/api/parameters', colour, admin);
    await t.call('PATCH', `/api/parameters/${p.id}`, { expectedVersion: 1, defaultValue: '#000000', name: 'Dark' }, admin);
    const restored = await t.call('POST', `/api/parameters/${p.id}/restore`, { version: 1, expectedVersion: 2 }, admin);
    expect(restored.json).toMatchObject({ version: 3, defaultValue: '#1C7ED6', name: 'Button colour' });
    const versions = (await t.call<{ items: ParameterVersion[] }>('GET', `/api/parameters/${p.id}/versions`, undefined, admin)).json.items;
    expect(versions[0]).toMatchObject({ action: 'restored', restoredFrom: 1 });
  });

  it('searches, filters by type and tag, sorts and pages', async () => {
    const t = createTestApp();
    const admin = await t.setupAdmin();
    await t.call('POST', '/api/parameters', { ...colour, tags: ['checkout'] }, admin);
    await t.call('POST', '/api/parameters', { key: 'headline', name: 'Headline', spec: { type: 'string' }, defaultValue: 'Hi', tags: ['home'] }, admin);
    await t.call('POST', '/api/parameters', { key: 'new_checkout', name: 'New checkout', spec: { type: 'boolean' }, defaultValue: false, tags: ['checkout'] }, admin);
    const list = async (query: string) => (await t.call<ParameterPage>('GET', `/api/parameters?${query}`, undefined, admin)).json;
    expect((await list('search=CHECK')).items.map((p: { key: string }) => p.key)).toEqual(['new_checkout']);
    expect((await list('type=string')).items.map((p: { key: string }) => p.key)).toEqual(['headline']);
    expect((await list('tag=checkout&sort=-key')).items.map((p: { key: string }) => p.key)).toEqual(['new_checkout', 'button.colour']);
    expect(await list('limit=1&offset=1')).toMatchObject({ total: 3, items: [{ key: 'headline' }], tags: ['checkout', 'home'] });
    expect((await t.call('GET', '/api/parameters?limit=9999', undefined, admin)).status).toBe(400);
  });

  it('bulk archives and tags; viewers cannot write', async () => {
    const t = createTestApp();
    const admin = await t.setupAdmin();
    const viewer = await t.userWithRole(admin, 'viewer');
    const a = (await t.call<Parameter>('POST', '/api/parameters', colour, admin)).json;
    const b = (await t.call<Parameter>('POST', '/api/parameters', { ...colour, key: 'other' }, admin)).json;
    expect((await t.call('POST', '/api/parameters/bulk', { ids: [a.id, b.id], action: 'addTag', tag: 'q3' }, admin)).json.updated).toBe(2);
    expect((await t.call('POST', '/api/parameters/bulk', { ids: [a.id], action: 'archive' }, admin)).json.updated).toBe(1);
    expect((await t.call<ParameterPage>('GET', '/api/parameters?archived=true', undefined, admin)).json.items.map((p: { key: string }) => p.key)).toEqual(['button.colour']);
    expect((await t.call('POST', '/api/parameters', colour, viewer)).status).toBe(403);
    expect((await t.call('GET', '/api/parameters', undefined, viewer)).status).toBe(200);
  });
});

describe('parameters as code', () => {
  it('plans, applies and re-applies a manifest idempotently', async () => {
    const t = createTestApp();
    const admin = await t.setupAdmin();
    await t.call('POST', '/api/parameters', colour, admin);
    const manifest = {
      format: 'switchboard.parameters/v1',
      parameters: [
        { key: 'button.colour', spec: { type: 'color' }, defaultValue: '#00FF00' },
        { key: 'trial_days', spec: { type: 'integer', min: 0, max: 30 }, defaultValue: 7 },
      ],
    };
    const plan = await t.call('POST', '/api/parameters/import', { manifest }, admin);
    expect(plan.json).toMatchObject({ dryRun: true, applied: false, summary: { create: 1, update: 1, unchanged: 0 } });
    expect((await t.call('GET', '/api/parameters', undefined, admin)).json.total).toBe(1);
    const applied = await t.call('POST', '/api/parameters/import', { manifest, dryRun: false }, admin);
    expect(applied.json.applied).toBe(true);
    const again = await t.call('POST', '/api/parameters/import', { manifest, dryRun: false }, admin);
    expect(again.json.summary).toEqual({ create: 0, update: 0, unchanged: 2 });
    const exported = (await t.call<Manifest>('GET', '/api/parameters/export', undefined, admin)).json;
    expect(exported.parameters.map((p: { key: string; defaultValue: unknown }) => [p.key, p.defaultValue])).toEqual([
      ['button.colour', '#00FF00'],
      ['trial_days', 7],
    ]);
  });

  it('refuses a manifest with an invalid entry and imports nothing', async () => {
    const t = createTestApp();
    const admin = await t.setupAdmin();
    const manifest = {
      format: 'switchboard.parameters/v1',
      parameters: [
        { key: 'ok', spec: { type: 'boolean' }, defaultValue: true },
        { key: 'bad', spec: { type: 'integer' }, defaultValue: 'seven' },
      ],
    };
    const response = await t.call<FieldProblem>('POST', '/api/parameters/import', { manifest, dryRun: false }, admin);
    expect(response.status).toBe(400);
    expect(response.json.errors[0].path).toBe('manifest.parameters.1.defaultValue');
    expect((await t.call('GET', '/api/parameters', undefined, admin)).json.total).toBe(0);
  });
});
