import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { serveDashboard } from '../node/static-dashboard';
import { sharedPgliteStore, truncateAll } from '../store/sql/test-database';
import { createTestApp, type Caller } from '../test/harness';

// Every route in the OpenAPI document, with hostile path ids, on PGlite (a NUL byte reaches
// PostgreSQL's text type there; the memory store would not notice): all 4xx, never a 5xx.

const hostileIds: [string, string][] = [
  ['a NUL byte', '%00'],
  ['a NUL byte inside an id', 'abc%00def'],
  ['5,000 characters', 'a'.repeat(5000)],
  ['an encoded path traversal', '..%2F..%2Fetc%2Fpasswd'],
  ['invalid percent-encoding', '%E0%A4%A'],
  ['a truncated UTF-8 sequence', '%E0%A4'],
  ['a lone percent sign', '%'],
];

let t: ReturnType<typeof createTestApp>;
let admin: Caller;
let operations: { method: string; path: string; hasBody: boolean }[];

beforeAll(async () => {
  const store = await sharedPgliteStore();
  await truncateAll(store);
  t = createTestApp({ store });
  admin = await t.setupAdmin();
  const doc = (await t.call('GET', '/api/openapi.json')).json as { paths: Record<string, Record<string, { requestBody?: unknown }>> };
  operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({ method: method.toUpperCase(), path, hasBody: operation.requestBody !== undefined })),
  );
  // Opening PGlite takes seconds on a busy machine.
}, 120_000);

describe('hostile path ids', () => {
  it('walks routes with ids', () => {
    expect(operations.filter((op) => op.path.includes('{')).length).toBeGreaterThanOrEqual(10);
  });

  for (const [label, id] of hostileIds) {
    it(`gives 4xx, never 5xx, for ${label} in every path parameter of every route`, async () => {
      const failures: string[] = [];
      for (const op of operations.filter((op) => op.path.includes('{'))) {
        const path = op.path.replace(/\{[^}]+\}/g, id);
        const response = await t.call(op.method, path, op.hasBody ? {} : undefined, admin);
        if (response.status < 400 || response.status >= 500) failures.push(`${op.method} ${op.path}: ${response.status} ${String(JSON.stringify(response.json)).slice(0, 200)}`);
      }
      expect(failures).toEqual([]);
    }, 60_000);

    it(`gives 4xx for ${label} in app and page paths, and no 5xx in a query`, async () => {
      const search = await t.call('GET', `/api/known-users?search=${id}`, undefined, admin);
      expect(search.status).toBeLessThan(500);
      for (const path of [`/${id}`, `/api/${id}`, `/ofrep/v1/evaluate/flags/${id}`, `/ofrep/v1/${id}`, `/sdk/v1/${id}`]) {
        const method = path.startsWith('/ofrep/v1/evaluate') ? 'POST' : 'GET';
        const response = await t.call(method, path, method === 'POST' ? { context: { targetingKey: 'u1' } } : undefined, admin);
        expect(response.status, path).toBeGreaterThanOrEqual(400);
        expect(response.status, path).toBeLessThan(500);
      }
    });
  }

  it('gives 400, not 500, for broken encoding where the dashboard would serve the page', async () => {
    const root = await mkdtemp(join(tmpdir(), 'dashboard-'));
    await writeFile(join(root, 'index.html'), '<!doctype html><title>Switchboard</title>');
    const withDashboard = createTestApp({ store: await sharedPgliteStore(), dashboard: serveDashboard(root) });
    for (const path of ['/%E0%A4%A', '/experiments/%00', '/assets/%']) {
      expect((await withDashboard.call('GET', path)).status, path).toBe(400);
    }
    // Decodable: the dashboard itself keeps it inside its folder.
    expect((await withDashboard.call('GET', '/..%2F..%2Fetc%2Fpasswd')).status).toBe(404);
  });

  it('refuses a NUL byte or broken encoding before any route, in the shape of the API it was meant for', async () => {
    const api = await t.call('GET', '/api/parameters/%00', undefined, admin);
    expect(api.status).toBe(400);
    expect(api.headers.get('content-type')).toBe('application/problem+json');
    const ofrep = await t.call('POST', '/ofrep/v1/evaluate/flags/%E0%A4%A', { context: { targetingKey: 'u1' } });
    expect(ofrep.status).toBe(400);
    expect(ofrep.json).toMatchObject({ errorCode: 'GENERAL' });
  });
});
