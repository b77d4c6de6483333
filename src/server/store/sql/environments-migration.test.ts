import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import type { Environment } from '../../../shared/contract/environments';
import type { Experiment } from '../../../shared/contract/experiments';
import { createTestApp } from '../../test/harness';
import { FIXTURE_CONTEXTS, FIXTURE_SDK_SECRET, FIXTURE_SINGLE_FLAGS, insertSchema9Fixture } from './environments-migration-fixture';
import { migrate } from './migrations';
import { openPgliteStoreOn, openPostgresStore } from './open';
import type { SqlStore } from './sql-store';

// Migration 10 (environments) must change nothing an existing app receives: a workspace stored at
// schema 9 is upgraded, and its SDK key (now a Production key) gets the very bytes and ETags the
// server before environments (commit b6b3bd0) sent for the same data. Those were recorded by
// running environments-migration-fixture.ts through that server; they also follow from the data:
// the experiment (audience platform=web) wins over the French rule, the 50% rollout lets user-4
// and user-7 in, the killed flag serves false as DISABLED, the archived one is not found.

const LIMIT_DEFAULT = '{"key":"cart.limit","value":10,"reason":"DEFAULT","variant":"default","metadata":{"type":"integer","version":1}}';
const LIMIT_BETA = '{"key":"cart.limit","value":25,"reason":"TARGETING_MATCH","variant":"rule-r-beta","metadata":{"type":"integer","version":1}}';
const BANNER_DEFAULT = '{"key":"checkout.banner","value":"Welcome","reason":"DEFAULT","variant":"default","metadata":{"type":"string","version":2}}';
const BANNER_FR = '{"key":"checkout.banner","value":"Bienvenue","reason":"TARGETING_MATCH","variant":"rule-r-fr","metadata":{"type":"string","version":2}}';
const BANNER_CONTROL = '{"key":"checkout.banner","value":"Welcome","reason":"SPLIT","variant":"control","metadata":{"type":"string","version":2,"experiment":"checkout-copy"}}';
const BANNER_BOLD = '{"key":"checkout.banner","value":"Buy now","reason":"SPLIT","variant":"bold","metadata":{"type":"string","version":2,"experiment":"checkout-copy"}}';
const CHECKOUT_OFF = '{"key":"new-checkout","value":false,"reason":"DEFAULT","variant":"default","metadata":{"type":"boolean","version":1}}';
const CHECKOUT_ON = '{"key":"new-checkout","value":true,"reason":"SPLIT","variant":"rule-r-half","metadata":{"type":"boolean","version":1}}';
const PROMO_KILLED = '{"key":"promo.enabled","value":false,"reason":"DISABLED","variant":"disabled","metadata":{"type":"boolean","version":2}}';
const THEME = '{"key":"theme","value":{"dark":false,"accent":"#123456"},"reason":"STATIC","variant":"default","metadata":{"type":"json","version":1}}';
const bulk = (...flags: string[]) => `{"flags":[${flags.join(',')}],"metadata":{"configVersion":12}}`;

/** [ETag, body] the pre-upgrade server sent for each of FIXTURE_CONTEXTS, in order. */
const EXPECTED_BULK: [string, string][] = [
  ['"6214d410e09d1241"', bulk(LIMIT_DEFAULT, BANNER_DEFAULT, CHECKOUT_OFF, PROMO_KILLED, THEME)], // user-1
  ['"dfc3fb6082d7f799"', bulk(LIMIT_DEFAULT, BANNER_FR, CHECKOUT_OFF, PROMO_KILLED, THEME)], // user-2, FR
  ['"e994b9a1248a23b4"', bulk(LIMIT_BETA, BANNER_DEFAULT, CHECKOUT_OFF, PROMO_KILLED, THEME)], // user-3, beta
  ['"070429d9d2bc46e4"', bulk(LIMIT_BETA, BANNER_FR, CHECKOUT_ON, PROMO_KILLED, THEME)], // user-4, FR and beta
  ['"9a880c6ee08aa0c7"', bulk(LIMIT_DEFAULT, BANNER_CONTROL, CHECKOUT_OFF, PROMO_KILLED, THEME)], // user-5, web
  ['"3e1f3a2776149ede"', bulk(LIMIT_DEFAULT, BANNER_BOLD, CHECKOUT_OFF, PROMO_KILLED, THEME)], // user-6, web
  ['"70bcef764d117947"', bulk(LIMIT_DEFAULT, BANNER_CONTROL, CHECKOUT_ON, PROMO_KILLED, THEME)], // user-7, web and FR
];
/** [status, body] for each of FIXTURE_SINGLE_FLAGS, in order. */
const EXPECTED_SINGLE: [number, string][] = [
  [200, BANNER_FR],
  [200, LIMIT_BETA],
  [200, PROMO_KILLED],
  [200, BANNER_BOLD],
  [200, CHECKOUT_ON],
  [404, '{"key":"old.thing","errorCode":"FLAG_NOT_FOUND","errorDetails":"No parameter has the key \\"old.thing\\""}'],
];

/** A database at schema 9 (`db`), then `upgrade` runs the remaining migrations and opens the store on it. */
type Open = () => Promise<{ db: Kysely<unknown>; upgrade: () => Promise<SqlStore>; close: () => Promise<void> }>;
const databases: [string, Open][] = [
  ['PGlite', async () => {
    const pglite = await PGlite.create();
    let store: SqlStore | undefined;
    return {
      db: new Kysely<unknown>({ dialect: new PGliteDialect(pglite) }),
      upgrade: async () => (store = await openPgliteStoreOn(pglite)),
      close: async () => (store ? store.close() : pglite.close()),
    };
  }],
];
const url = process.env.TEST_DATABASE_URL;
if (url) {
  databases.push(['PostgreSQL', async () => {
    // A database of its own: the shared one is already at the latest version.
    const name = `environments_migration_${Date.now()}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const target = new URL(url);
    target.pathname = `/${name}`;
    const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: target.toString(), max: 1 }) }) });
    let store: SqlStore | undefined;
    return {
      db,
      upgrade: async () => {
        await db.destroy();
        return (store = await openPostgresStore(target.toString(), { poolSize: 2 }));
      },
      close: async () => {
        await store?.close();
        await admin.query(`DROP DATABASE ${name}`);
        await admin.end();
      },
    };
  }]);
}

const ofrep = (t: ReturnType<typeof createTestApp>, path: string, context: Record<string, unknown>) =>
  t.app.request(`/ofrep/v1/evaluate/${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${FIXTURE_SDK_SECRET}`, 'content-type': 'application/json' },
    body: JSON.stringify({ context }),
  });

describe.each(databases)('environments migration: %s', { timeout: 180_000 }, (_name, open) => {
  it('an existing SDK key gets the same bytes after the upgrade, as a Production key; staging and development start as copies', async () => {
    const { db, upgrade, close } = await open();
    try {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrate takes today's Database type; schema 9 is older
      await migrate(db as Kysely<any>, 9);
      await insertSchema9Fixture(db);
      const t = createTestApp({ store: await upgrade() });

      for (const [index, context] of FIXTURE_CONTEXTS.entries()) {
        const response = await ofrep(t, 'flags', context);
        expect(response.status).toBe(200);
        expect(await response.text(), context.targetingKey).toBe(EXPECTED_BULK[index][1]);
        expect(response.headers.get('etag'), context.targetingKey).toBe(EXPECTED_BULK[index][0]);
      }
      for (const [index, { key, context }] of FIXTURE_SINGLE_FLAGS.entries()) {
        const response = await ofrep(t, `flags/${key}`, context);
        expect([response.status, await response.text()], key).toEqual(EXPECTED_SINGLE[index]);
      }

      const admin = await t.setupAdmin();
      const keys = await t.call('GET', '/api/sdk-keys', undefined, admin);
      expect(keys.json.items).toEqual([expect.objectContaining({ id: 'key-web', environmentId: 'production' })]);
      const environments = await t.call<{ items: Environment[] }>('GET', '/api/environments', undefined, admin);
      expect(environments.json.items.map((e: { key: string }) => e.key)).toEqual(['production', 'staging', 'development']);

      // Staging and Development hold Production's values (each at version 1 of its own history).
      const settings = (p: Record<string, unknown>) => ({ key: p.key, defaultValue: p.defaultValue, killed: p.killed, rules: p.rules, archivedAt: p.archivedAt });
      const page = async (environment: string, archived: boolean) =>
        (await t.call('GET', `/api/parameters?environment=${environment}&archived=${archived}&sort=key`, undefined, admin)).json.items as Record<string, unknown>[];
      const list = async (environment: string) => [...(await page(environment, false)), ...(await page(environment, true))];
      const production = await list('production');
      expect(production.map((p) => p.key)).toEqual(['cart.limit', 'checkout.banner', 'new-checkout', 'promo.enabled', 'theme', 'old.thing']);
      for (const environment of ['staging', 'development']) {
        const copy = await list(environment);
        expect(copy.map(settings)).toEqual(production.map(settings));
        expect(copy.every((p) => p.version === 1)).toBe(true);
      }

      // Production kept its history: the banner's two versions, the kill switch's second one.
      const versions = async (id: string, environment: string) =>
        (await t.call('GET', `/api/parameters/${id}/versions?environment=${environment}`, undefined, admin)).json.items as { version: number; snapshot: Record<string, unknown> }[];
      const banner = await versions('p-banner', 'production');
      expect(banner.map((v) => [v.version, v.snapshot.defaultValue])).toEqual([[2, 'Welcome'], [1, 'Hello']]);
      expect((await versions('p-promo', 'production')).map((v) => [v.version, v.snapshot.killed])).toEqual([[2, true], [1, false]]);
      expect((await versions('p-banner', 'staging')).map((v) => [v.version, v.snapshot.defaultValue])).toEqual([[1, 'Welcome']]);

      // Known users stayed Production's (known-1), and the key's users since are Production's too
      // (user-3 and user-4 are on the beta plan): Staging's reach sees none of them.
      await t.app.services.knownUsers.flush();
      const reach = async (environment: string) =>
        (await t.call('POST', `/api/segments/reach?environment=${environment}`, { definition: { kind: 'condition', condition: { plan: 'beta' } } }, admin)).json;
      expect(await reach('production')).toMatchObject({ matched: 3, total: 8 });
      expect(await reach('staging')).toMatchObject({ matched: 0, total: 0 });

      // The running experiment is Production's.
      expect((await t.call<{ items: Experiment[] }>('GET', '/api/experiments?environment=production', undefined, admin)).json.items.map((e: { key: string }) => e.key)).toEqual(['checkout-copy']);
      expect((await t.call('GET', '/api/experiments?environment=staging', undefined, admin)).json.items).toEqual([]);
    } finally {
      await close();
    }
  });
});
