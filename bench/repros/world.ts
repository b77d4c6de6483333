import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSettings } from '../../src/server/node/settings';
import { startServer, type RunningServer } from '../../src/server/node/start-server';
import { client, type Answer, type Caller } from './http';

// The real server as `npm start` runs it (startServer on a fresh DATA_DIR with PGlite, or on
// DATABASE_URL when set), its first admin, and two apps' client SDK keys.

export const ADMIN = { email: 'admin@example.com', name: 'Ada Admin', password: 'correct horse battery' };

export interface Row {
  repro: string;
  sent: string;
  answered: string;
  pass: boolean;
  others: string;
}

export async function startWorld() {
  const dataDir = await mkdtemp(join(tmpdir(), 'switchboard-repros-'));
  const settings = readSettings({ ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, ADMIN_EMAIL: '', ADMIN_PASSWORD: '' });
  const server: RunningServer = await startServer(settings);
  const { call, sessionFrom } = client(server.url);
  const setup = await call('POST', '/api/auth/setup', ADMIN);
  if (setup.status !== 201) throw new Error(`setup answered ${setup.status}: ${setup.text}`);
  const admin = sessionFrom(setup);
  const newKey = async (name: string, allowEvents = false) => {
    const created = await call('POST', '/api/sdk-keys', { name, kind: 'client', allowEvents }, admin);
    if (created.status !== 201) throw new Error(`SDK key: ${created.status} ${created.text}`);
    return { id: created.json.key.id as string, secret: created.json.secret as string };
  };
  const app = await newKey('hardening app', true);
  const otherApp = await newKey('another app');
  await call('POST', '/api/parameters', { key: 'welcome', name: 'Welcome', spec: { type: 'string' }, defaultValue: 'Hello' }, admin);

  /** Invites a user with `role` and accepts; their session and id. */
  async function userWithRole(role: 'admin' | 'editor' | 'viewer', email: string, password = 'a long enough password') {
    const invited = await call('POST', '/api/users', { email, role }, admin);
    const accepted = await call('POST', '/api/auth/accept-invite', { token: invited.json?.inviteToken, name: role, password });
    if (accepted.status !== 200) throw new Error(`accept-invite: ${accepted.status} ${accepted.text}`);
    return { session: sessionFrom(accepted), id: accepted.json.user.id as string, password };
  }

  /** Whether everyone else is still served: health, the admin's sign-in, OFREP for another app. */
  async function othersServed(): Promise<{ ok: boolean; text: string }> {
    const health = await call('GET', '/api/health');
    const login = await call('POST', '/api/auth/login', { email: ADMIN.email, password: ADMIN.password });
    const ofrep = await call('POST', '/ofrep/v1/evaluate/flags', { context: { targetingKey: 'bystander' } }, { bearer: otherApp.secret });
    const ok = health.status === 200 && login.status === 200 && ofrep.status === 200;
    return { ok, text: `health ${health.status}, login ${login.status}, other app ${ofrep.status}` };
  }

  async function dataDirBytes(dir = dataDir): Promise<number> {
    let total = 0;
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      total += entry.isDirectory() ? await dataDirBytes(path) : (await stat(path)).size;
    }
    return total;
  }

  return {
    server, call, sessionFrom, admin, app, otherApp, userWithRole, othersServed, newKey,
    database: settings.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite (fresh DATA_DIR)`,
    dataDirBytes: settings.databaseUrl ? undefined : () => dataDirBytes(),
    async close() {
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export type World = Awaited<ReturnType<typeof startWorld>>;
export type { Answer, Caller };

/** OFREP calls with an app's key. */
export const ofrepBulk = (world: World, context: unknown, bearer = world.app.secret, extra: Record<string, string> = {}) =>
  world.call('POST', '/ofrep/v1/evaluate/flags', { context }, { bearer }, extra);
export const ofrepFlag = (world: World, key: string, context: unknown, bearer = world.app.secret) =>
  world.call('POST', `/ofrep/v1/evaluate/flags/${key}`, { context }, { bearer });

/** Runs `count` calls with at most `parallel` in flight; tallies statuses. */
export async function tally(count: number, parallel: number, one: (i: number) => Promise<{ status: number }>): Promise<Map<number, number>> {
  const counts = new Map<number, number>();
  let next = 0;
  await Promise.all(Array.from({ length: parallel }, async () => {
    while (next < count) {
      const { status } = await one(next++);
      counts.set(status, (counts.get(status) ?? 0) + 1);
    }
  }));
  return counts;
}

export const tallyText = (counts: Map<number, number>) => [...counts].sort(([a], [b]) => a - b).map(([status, n]) => `${n}x${status}`).join(' ');
export const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
