import { describe, expect, it } from 'vitest';
import type { AuditPage } from '../../../shared/contract/audit';
import type { Segment } from '../../../shared/contract/segments';
import { createTestApp, type FieldProblem } from '../../test/harness';


const canadaIos = {
  kind: 'rules',
  builder: {
    type: 'group',
    combinator: 'and',
    children: [
      { type: 'rule', attribute: 'country', kind: 'text', operator: 'is', value: 'CA' },
      {
        type: 'group',
        combinator: 'or',
        children: [
          { type: 'rule', attribute: 'platform', kind: 'text', operator: 'is', value: 'ios' },
          { type: 'rule', attribute: 'appVersion', kind: 'version', operator: 'gte', value: '5.2.0' },
        ],
      },
    ],
  },
};

describe('segments', () => {
  it('creates a visual segment and shows its compiled condition', async () => {
    const t = createTestApp();
    const admin = await t.setupAdmin();
    const created = await t.call('POST', '/api/segments', { name: 'Canada iOS', definition: canadaIos }, admin);
    expect(created.status).toBe(201);
    expect(created.json.compiled).toEqual({
      $and: [{ country: { $exists: true, $eq: 'CA' } }, { $or: [{ platform: { $exists: true, $eq: 'ios' } }, { appVersion: { $exists: true, $vgte: '5.2.0' } }] }],
    });
    const audit = (await t.call<AuditPage>('GET', '/api/audit?objectType=segment', undefined, admin)).json.items;
    expect(audit[0].action).toBe('segment.created');
  });

  it('refuses an invalid regex, a malformed condition, an unknown reference, a cycle and 100,001 ids, changing nothing', async () => {
    const t = createTestApp();
    const admin = await t.setupAdmin();
    const badRegex = { kind: 'rules', builder: { type: 'group', combinator: 'and', children: [{ type: 'rule', attribute: 'email', kind: 'text', operator: 'matches', value: '([a-z' }] } };
    const r1 = await t.call<FieldProblem>('POST', '/api/segments', { name: 'x', definition: badRegex }, admin);
    expect(r1.status).toBe(400);
    expect(r1.json.errors[0]).toMatchObject({ path: 'definition.builder.children.0.value', message: 'Not a valid regular expression' });

    const r2 = await t.call<FieldProblem>('POST', '/api/segments', { name: 'x', definition: { kind: 'condition', condition: { age: { $lt: 'x', $bogus: 1 } } } }, admin);
    expect(r2.status).toBe(400);
    expect(r2.json.errors[0].path).toBe('definition.condition');

    const r3 = await t.call<FieldProblem>('POST', '/api/segments', { name: 'x', definition: { kind: 'combination', combinator: 'and', include: ['nope'] } }, admin);
    expect(r3.status).toBe(400);
    expect(r3.json.errors[0].message).toContain('Unknown or archived segment');

    const a = (await t.call<Segment>('POST', '/api/segments', { name: 'A', definition: canadaIos }, admin)).json;
    const b = (await t.call<Segment>('POST', '/api/segments', { name: 'B', definition: { kind: 'combination', combinator: 'or', include: [a.id] } }, admin)).json;
    const cycle = await t.call<FieldProblem>('PATCH', `/api/segments/${a.id}`, { expectedVersion: 1, definition: { kind: 'combination', combinator: 'or', include: [b.id] } }, admin);
    expect(cycle.status).toBe(400);
    expect(cycle.json.errors[0].message).toMatch(/cycle: A → B → A/);
    const self = await t.call('PATCH', `/api/segments/${a.id}`, { expectedVersion: 1, definition: { kind: 'condition', condition: { id: { $inGroup: a.id } } } }, admin);
    expect(self.status).toBe(400);

    const ids = Array.from({ length: 100_001 }, (_, i) => `user-${i}`);
    const tooMany = await t.call<FieldProblem>('POST', '/api/segments', { name: 'Loyalty', definition: { kind: 'ids', ids } }, admin);
    expect(tooMany.status).toBe(400);
    expect(tooMany.json.errors[0]).toMatchObject({ path: 'definition.ids' });
    expect((await t.call<{ items: Segment[] }>('GET', '/api/segments', undefined, admin)).json.items.map((s: { name: string }) => s.name)).toEqual(['A', 'B']);
    expect((await t.call('GET', `/api/segments/${a.id}`, undefined, admin)).json.version).toBe(1);
  });

  it('refuses patterns that need backtracking with field errors: segments, reach and parameter rules', async () => {
    const t = createTestApp();
    const admin = await t.setupAdmin();
    const matching = (value: string) => ({ kind: 'rules', builder: { type: 'group', combinator: 'and', children: [{ type: 'rule', attribute: 'email', kind: 'text', operator: 'matches', value }] } });
    const backreference = await t.call<FieldProblem>('POST', '/api/segments', { name: 'x', definition: matching('^(\\w+)@\\1\\.com$') }, admin);
    expect(backreference.status).toBe(400);
    expect(backreference.json.errors[0]).toMatchObject({ path: 'definition.builder.children.0.value', message: expect.stringMatching(/^Not supported: backreference \\1/) });

    const lookbehind = await t.call<FieldProblem>('POST', '/api/segments', { name: 'x', definition: { kind: 'condition', condition: { email: { $regex: '(?<=@)corp' } } } }, admin);
    expect(lookbehind.status).toBe(400);
    expect(lookbehind.json.errors[0]).toMatchObject({ path: 'definition.condition', message: expect.stringContaining('lookaround') });
    expect(lookbehind.json.errors[0].message).toContain('/email/$regex');

    // Only the engine knows these: RE2's repeat limit, and a program too large to run cheaply.
    const repeat = await t.call('POST', '/api/segments', { name: 'x', definition: matching('a{1001}') }, admin);
    expect(repeat.json.errors).toEqual([{ path: 'definition.builder.children.0.value', message: expect.stringMatching(/^Not supported: invalid repeat count/) }]);
    const large = await t.call<FieldProblem>('POST', '/api/segments', { name: 'x', definition: { kind: 'condition', condition: { ua: { $regex: '(?:a|ab|b){500}$' } } } }, admin);
    expect(large.status).toBe(400);
    expect(large.json.errors[0]).toMatchObject({ path: 'definition.condition', message: expect.stringMatching(/too large for the linear-time engine.*\(at \/ua\/\$regex\)$/) });

    expect((await t.call('POST', '/api/segments/reach', { definition: matching('(a)\\1') }, admin)).status).toBe(400);
    const rule = { audience: { kind: 'condition', condition: { email: { $regex: '(?=a)' } } }, value: 'x' };
    const parameter = await t.call<FieldProblem>('POST', '/api/parameters', { key: 'banner', name: 'Banner', spec: { type: 'string' }, defaultValue: 'Hi', rules: [rule] }, admin);
    expect(parameter.status).toBe(400);
    expect(parameter.json.errors[0].path).toMatch(/^rules\.0\.audience/);
    const engineOnly = { audience: { kind: 'condition', condition: { email: { $regex: 'a{1001}' } } }, value: 'x' };
    const parameter2 = await t.call('POST', '/api/parameters', { key: 'banner', name: 'Banner', spec: { type: 'string' }, defaultValue: 'Hi', rules: [engineOnly] }, admin);
    expect(parameter2.json.errors).toEqual([{ path: 'rules.0.audience.condition', message: expect.stringContaining('invalid repeat count') }]);
    expect((await t.call('GET', '/api/segments', undefined, admin)).json.items).toEqual([]);
    expect((await t.call('GET', '/api/parameters', undefined, admin)).json.items).toEqual([]);
  });

  it('runs a catastrophic pattern over app-sent values in linear time (OFREP and reach)', async () => {
    const t = createTestApp();
    const admin = await t.setupAdmin();
    const key = (await t.call('POST', '/api/sdk-keys', { name: 'app', kind: 'client' }, admin)).json.secret;
    const rule = { audience: { kind: 'condition', condition: { handle: { $regex: '^(a+)+$' } } }, value: 'matched' };
    await t.call('POST', '/api/parameters', { key: 'banner', name: 'Banner', spec: { type: 'string' }, defaultValue: 'Hi', rules: [rule] }, admin);
    // OFREP accepts values up to 1,000 characters; a backtracking RegExp needs ~2^999
    // steps for this one, so the test would never finish.
    const hostile = 'a'.repeat(999) + '!';
    const evaluated = await t.call('POST', '/ofrep/v1/evaluate/flags/banner', { context: { targetingKey: 'u1', handle: hostile } }, {}, { authorization: `Bearer ${key}` });
    expect(evaluated.json).toMatchObject({ value: 'Hi' });
    await t.app.services.knownUsers.flush();
    const reach = (pattern: string) => ({ definition: { kind: 'condition', condition: { handle: { $regex: pattern } } } });
    expect((await t.call('POST', '/api/segments/reach', reach('^(a+)+$'), admin)).json).toMatchObject({ matched: 0, total: 1 });
    expect((await t.call('POST', '/api/segments/reach', reach('^(a+)+!$'), admin)).json).toMatchObject({ matched: 1, total: 1 });
  });

  it('stores a 100,000-id list, duplicates and archives segments', async () => {
    const t = createTestApp();
    const admin = await t.setupAdmin();
    const ids = Array.from({ length: 100_000 }, (_, i) => `member-${i}`);
    const loyalty = await t.call('POST', '/api/segments', { name: 'Loyalty', definition: { kind: 'ids', ids } }, admin);
    expect(loyalty.status).toBe(201);
    expect(loyalty.json.definition).toEqual({ kind: 'ids', attribute: 'targetingKey', idCount: 100_000 });
    const copy = await t.call('POST', `/api/segments/${loyalty.json.id}/duplicate`, undefined, admin);
    expect(copy.json).toMatchObject({ name: 'Copy of Loyalty', definition: { idCount: 100_000 } });
    expect((await t.call('POST', `/api/segments/${copy.json.id}/archive`, undefined, admin)).json.archivedAt).not.toBeNull();
    expect((await t.call('GET', '/api/segments?archived=true', undefined, admin)).json.items).toHaveLength(1);
  });

  it('refuses to archive a segment a parameter rule uses', async () => {
    const t = createTestApp();
    const admin = await t.setupAdmin();
    const segment = (await t.call('POST', '/api/segments', { name: 'Canada', definition: canadaIos }, admin)).json;
    await t.call('POST', '/api/parameters', { key: 'banner', name: 'Banner', spec: { type: 'string' }, defaultValue: 'Hi', rules: [{ audience: { kind: 'segment', segmentId: segment.id }, value: 'Bonjour' }] }, admin);
    const archive = await t.call('POST', `/api/segments/${segment.id}/archive`, undefined, admin);
    expect(archive.status).toBe(409);
    expect(archive.json.detail).toContain('parameter banner');
  });
});
