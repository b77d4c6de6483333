import { beforeAll, describe, expect, it } from 'vitest';
import type { Segment } from '../../../shared/contract/segments';
import { MAX_REGEX_CLAUSES } from '../../../shared/targeting';
import { sharedPgliteStore, truncateAll } from '../../store/sql/test-database';
import { createTestApp, type Caller } from '../../test/harness';

// Limits on what a segment may hold, end to end on PGlite (the SQL stores are where text
// PostgreSQL refuses turned into a 500).

let t: ReturnType<typeof createTestApp>;
let admin: Caller;

/** What is read here of the OpenAPI document: each path's operations and their responses by status. */
type OpenApiPaths = Record<string, Record<string, { responses: Record<string, unknown> }>>;

beforeAll(async () => {
  const store = await sharedPgliteStore();
  await truncateAll(store);
  t = createTestApp({ store });
  admin = await t.setupAdmin();
}, 120_000);

const rule = (i: number) => ({ type: 'rule', attribute: `a${i}`, kind: 'text', operator: i % 2 ? 'contains' : 'matches', value: `^v${i}` });
const rules = (n: number) => ({ kind: 'rules', builder: { type: 'group', combinator: 'or', children: Array.from({ length: n }, (_, i) => rule(i)) } });
const patterns = (n: number) => ({ kind: 'condition', condition: { $or: Array.from({ length: n }, (_, i) => ({ [`a${i}`]: { $regex: `^v${i}` } })) } });
const segmentNames = async () => (await t.call<{ items: Segment[] }>('GET', '/api/segments', undefined, admin)).json.items.map((s: { name: string }) => s.name);

describe('segment limits', () => {
  it(`takes ${MAX_REGEX_CLAUSES} patterns and refuses one more with a field error, changing nothing`, async () => {
    expect((await t.call('POST', '/api/segments', { name: 'Rules', definition: rules(MAX_REGEX_CLAUSES) }, admin)).status).toBe(201);
    expect((await t.call('POST', '/api/segments', { name: 'Condition', definition: patterns(MAX_REGEX_CLAUSES) }, admin)).status).toBe(201);

    const tooManyRules = await t.call('POST', '/api/segments', { name: 'x', definition: rules(MAX_REGEX_CLAUSES + 1) }, admin);
    expect(tooManyRules.status).toBe(400);
    expect(tooManyRules.json.errors).toEqual([expect.objectContaining({ path: `definition.builder.children.${MAX_REGEX_CLAUSES}.value`, message: expect.stringMatching(/at most 20 text patterns/) })]);
    const tooManyPatterns = await t.call('POST', '/api/segments', { name: 'x', definition: patterns(MAX_REGEX_CLAUSES + 1) }, admin);
    expect(tooManyPatterns.status).toBe(400);
    expect(tooManyPatterns.json.errors).toEqual([expect.objectContaining({ path: 'definition.condition', message: expect.stringContaining(`(at /$or/${MAX_REGEX_CLAUSES}/a${MAX_REGEX_CLAUSES}/$regex)`) })]);
    expect((await t.call('POST', '/api/segments/reach', { definition: patterns(MAX_REGEX_CLAUSES + 1) }, admin)).status).toBe(400);
    expect(await segmentNames()).toEqual(['Condition', 'Rules']);
  });

  it.each([
    ['a NUL', 'user-\u0000-1'],
    ['a lone high surrogate', 'user-\uD800'],
    ['a lone low surrogate', '\uDC00-user'],
  ])('refuses an id list holding %s with a field error, changing nothing', async (_, bad) => {
    const before = await segmentNames();
    const created = await t.call('POST', '/api/segments', { name: 'Loyal', definition: { kind: 'ids', ids: ['a', 'b', bad] } }, admin);
    expect(created.status).toBe(400);
    expect(created.json.errors).toEqual([expect.objectContaining({ path: 'definition.ids.2', message: expect.stringContaining('NUL character or a lone UTF-16 surrogate') })]);
    expect(await segmentNames()).toEqual(before);
    expect((await t.call('GET', '/api/health')).status).toBe(200);
  });

  it('takes ids with characters outside the BMP (a surrogate pair)', async () => {
    const created = await t.call<Segment>('POST', '/api/segments', { name: 'Emoji', definition: { kind: 'ids', ids: ['user-😀'] } }, admin);
    expect(created.status).toBe(201);
    expect(await t.store.segments.getIds(created.json.id)).toEqual(['user-😀']);
  });

  it('lists the 429 of a busy reach computation for reach and members in the OpenAPI document', async () => {
    const paths = (await t.call<{ paths: OpenApiPaths }>('GET', '/api/openapi.json')).json.paths;
    expect(paths['/api/segments/reach'].post.responses['429']).toBeDefined();
    expect(paths['/api/segments/{id}/members'].get.responses['429']).toBeDefined();
  });
});
