import { describe, expect, it } from 'vitest';
import { createTestApp, type Caller } from '../test/harness';

interface Operation {
  method: string;
  path: string;
  hasBody: boolean;
}

async function operations(t: ReturnType<typeof createTestApp>): Promise<Operation[]> {
  const doc = (await t.call('GET', '/api/openapi.json')).json as { paths: Record<string, Record<string, { requestBody?: unknown }>> };
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({
      method: method.toUpperCase(),
      // Any id works for the shape checks: bad bodies must be refused before the id is looked up.
      path: path.replace(/\{[^}]+\}/g, 'some-id'),
      hasBody: operation.requestBody !== undefined,
    })),
  );
}

const badBodies: [string, string][] = [
  ['malformed JSON', '{"email": '],
  ['a JSON array', '[1, 2, 3]'],
  ['a JSON string', '"hello"'],
  ['wrong types', JSON.stringify({ email: 42, name: false, password: [], role: 7, token: {}, disabled: 'yes' })],
  ['unknown fields', JSON.stringify({ unexpectedField: true })],
];

describe('every documented route refuses bad input with problem+json', () => {
  it('documents the routes it serves', async () => {
    const t = createTestApp();
    const ops = await operations(t);
    expect(ops.length).toBeGreaterThanOrEqual(10);
    expect(ops.filter((op) => op.hasBody).length).toBeGreaterThanOrEqual(5);
  });

  for (const [label, body] of badBodies) {
    it(`gives 4xx problem+json for ${label} on every route with a body`, async () => {
      const t = createTestApp();
      const admin: Caller = await t.setupAdmin();
      for (const op of await operations(t)) {
        if (!op.hasBody) continue;
        const response = await t.call(op.method, op.path, body, admin);
        expect(response.status, `${op.method} ${op.path}`).toBeGreaterThanOrEqual(400);
        expect(response.status, `${op.method} ${op.path}`).toBeLessThan(500);
        expect(response.headers.get('content-type'), `${op.method} ${op.path}`).toBe('application/problem+json');
      }
    });
  }

  it('gives 413 for an oversized body on every route with a body', async () => {
    const t = createTestApp();
    const admin = await t.setupAdmin();
    // Above the largest limit (8 MiB for segment id lists).
    const huge = JSON.stringify({ name: 'x'.repeat(9 * 1024 * 1024) });
    for (const op of await operations(t)) {
      if (!op.hasBody) continue;
      const response = await t.call(op.method, op.path, huge, admin, { 'content-length': String(huge.length) });
      expect(response.status, `${op.method} ${op.path}`).toBe(413);
      expect(response.json.title).toBe('Payload too large');
    }
  });

  it('anonymous callers get 401 on every route except the public ones', async () => {
    const t = createTestApp();
    await t.setupAdmin();
    const publicRoutes = new Set(['GET /api/health', 'GET /api/openapi.json', 'GET /api/auth/setup', 'POST /api/auth/setup', 'POST /api/auth/login', 'POST /api/auth/accept-invite']);
    for (const op of await operations(t)) {
      const key = `${op.method} ${op.path}`;
      if (publicRoutes.has(key)) continue;
      const response = await t.call(op.method, op.path, op.hasBody ? {} : undefined);
      expect(response.status, key).toBe(401);
    }
  });

  it('a viewer cannot write anywhere (403)', async () => {
    const t = createTestApp();
    const admin = await t.setupAdmin();
    const viewer = await t.userWithRole(admin, 'viewer');
    // Questions asked with a body, which change nothing.
    const readOnlyPosts = new Set(['POST /api/segments/reach', 'POST /api/preview']);
    // The one write a viewer may make: a comment in a change request's discussion (analysts and
    // stakeholders raise concerns); it changes nothing apps receive.
    const viewerWrites = /^POST \/api\/change-requests\/[^/]+\/comments$/;
    for (const op of await operations(t)) {
      const key = `${op.method} ${op.path}`;
      if (op.method === 'GET' || op.path.startsWith('/api/auth/') || readOnlyPosts.has(key) || viewerWrites.test(key)) continue;
      const response = await t.call(op.method, op.path, op.hasBody ? {} : undefined, viewer);
      expect([400, 403], `${op.method} ${op.path}`).toContain(response.status);
      if (response.status === 400) throw new Error(`${op.method} ${op.path} validated before checking the role`);
    }
  });

  it('unknown API routes give a JSON 404 and nothing leaks a stack trace', async () => {
    const t = createTestApp();
    const admin = await t.setupAdmin();
    const response = await t.call('GET', '/api/does-not-exist', undefined, admin);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(JSON.stringify(response.json)).not.toMatch(/at .*\.ts/);
  });

  it('reports the database in health', async () => {
    const t = createTestApp();
    const response = await t.call('GET', '/api/health');
    expect(response.json).toMatchObject({ status: 'ok', database: { kind: 'memory', ok: true } });
  });
});
