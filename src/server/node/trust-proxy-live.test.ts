import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { LOGIN_MAX_ATTEMPTS } from '../modules/auth/login-limit';
import { readSettings } from './settings';
import { startServer, type RunningServer } from './start-server';

// The real entry (start-server.ts on PGlite, Node listener) with TRUST_PROXY=1: the sign-in limit
// counts under the address the proxy put in X-Forwarded-For, not the proxy's own socket address.

const ADMIN = { email: 'proxy-admin@example.com', password: 'a long enough password' };
let server: RunningServer;
let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'switchboard-trust-proxy-'));
  const settings = readSettings({ TRUST_PROXY: '1', ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password });
  server = await startServer({ ...settings, port: 0, dataDir, dashboardDir: dataDir });
}, 120_000);

afterAll(async () => {
  await server?.close();
  await rm(dataDir, { recursive: true, force: true });
});

const login = (password: string, forwardedFor: string) =>
  fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
    body: JSON.stringify({ email: ADMIN.email, password }),
  });

it('locks the guessing client behind the proxy, not everyone who comes through it', async () => {
  for (let i = 0; i < LOGIN_MAX_ATTEMPTS; i++) expect((await login(`wrong ${i}`, '198.51.100.1')).status).toBe(401);
  expect((await login(ADMIN.password, '198.51.100.1')).status).toBe(429);
  // What a client writes left of the proxy's entry changes nothing.
  expect((await login(ADMIN.password, '203.0.113.9, 198.51.100.1')).status).toBe(429);
  expect((await login(ADMIN.password, '203.0.113.9')).status).toBe(200);
}, 60_000);
