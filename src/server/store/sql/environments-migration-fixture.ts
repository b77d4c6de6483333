import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';

// A workspace as schema 9 (before environments) stored it, written by raw SQL in that shape so the
// upgrade test does not depend on today's store code. The same inserts ran on the pre-upgrade
// server (commit b6b3bd0) to record what its OFREP endpoints answered
// (environments-migration.test.ts holds those bytes).

export const FIXTURE_SDK_SECRET = 'sbc_migrationFixtureSecret0123456789';
const AT = '2026-01-01T00:00:00.000Z';
const AUTHOR = 'Ada Admin <admin@example.com>';

interface FixtureParameter {
  id: string;
  key: string;
  name: string;
  spec: unknown;
  defaultValue: unknown;
  killed?: boolean;
  archived?: boolean;
  rules?: unknown[];
  /** Earlier default values, oldest first: each was a version before the current one. */
  history?: unknown[];
}

const rule = (id: string, description: string, audience: unknown, value: unknown, rollout = 100) => ({ id, description, audience, value, rollout, enabled: true });

export const FIXTURE_PARAMETERS: FixtureParameter[] = [
  // An inline condition rule, and an older default value kept in history (two versions).
  { id: 'p-banner', key: 'checkout.banner', name: 'Checkout banner', spec: { type: 'string' }, defaultValue: 'Welcome', history: ['Hello'],
    rules: [rule('r-fr', 'French', { kind: 'condition', condition: { country: 'FR' } }, 'Bienvenue')] },
  // A segment rule.
  { id: 'p-limit', key: 'cart.limit', name: 'Cart limit', spec: { type: 'integer', min: 1, max: 100 }, defaultValue: 10,
    rules: [rule('r-beta', 'Beta', { kind: 'segment', segmentId: 'seg-beta' }, 25)] },
  // A 50% rollout.
  { id: 'p-new-checkout', key: 'new-checkout', name: 'New checkout', spec: { type: 'boolean' }, defaultValue: false,
    rules: [rule('r-half', 'Half', { kind: 'everyone' }, true, 50)] },
  // A killed flag (killed in its second version).
  { id: 'p-promo', key: 'promo.enabled', name: 'Promo', spec: { type: 'boolean' }, defaultValue: true, killed: true, history: [true] },
  // An archived parameter: apps never see it.
  { id: 'p-old', key: 'old.thing', name: 'Old thing', spec: { type: 'string' }, defaultValue: 'x', archived: true, history: ['x'] },
  { id: 'p-theme', key: 'theme', name: 'Theme', spec: { type: 'json' }, defaultValue: { dark: false, accent: '#123456' } },
];

const json = (value: unknown) => JSON.stringify(value);

function snapshot(p: FixtureParameter, version: number, defaultValue: unknown, latest: boolean) {
  return {
    id: p.id, key: p.key, name: p.name, description: '', tags: [], spec: p.spec, defaultValue,
    killed: latest ? (p.killed ?? false) : false, rules: latest ? (p.rules ?? []) : [],
    archivedAt: latest && p.archived ? AT : null, version, createdAt: AT, updatedAt: AT, updatedBy: AUTHOR,
  };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the schema-9 tables are not in today's Database type
export async function insertSchema9Fixture(db: Kysely<any>): Promise<void> {
  await sql`INSERT INTO segments (id, name, description, definition, archived_at, version, created_at, updated_at, updated_by)
    VALUES ('seg-beta', 'Beta testers', '', ${json({ kind: 'condition', condition: { plan: 'beta' } })}::jsonb, NULL, 1, ${AT}, ${AT}, ${AUTHOR})`.execute(db);
  for (const p of FIXTURE_PARAMETERS) {
    const values = [...(p.history ?? []), p.defaultValue];
    const version = values.length;
    await sql`INSERT INTO parameters (id, key, name, description, tags, spec, default_value, killed, archived_at, version, created_at, updated_at, updated_by, rules)
      VALUES (${p.id}, ${p.key}, ${p.name}, '', '[]'::jsonb, ${json(p.spec)}::jsonb, ${json(p.defaultValue)}::jsonb, ${p.killed ?? false},
        ${p.archived ? AT : null}, ${version}, ${AT}, ${AT}, ${AUTHOR}, ${json(p.rules ?? [])}::jsonb)`.execute(db);
    for (const [index, value] of values.entries()) {
      const v = index + 1;
      await sql`INSERT INTO parameter_versions (parameter_id, version, action, snapshot, changes, restored_from, author_id, author_name, created_at)
        VALUES (${p.id}, ${v}, ${v === 1 ? 'created' : 'updated'}, ${json(snapshot(p, v, value, v === version))}::jsonb,
          ${json(v === 1 ? [{ path: 'defaultValue', after: value }] : [{ path: 'defaultValue', before: values[index - 1], after: value }])}::jsonb,
          NULL, NULL, ${AUTHOR}, ${AT})`.execute(db);
    }
  }
  const experiment = {
    id: 'exp-copy', key: 'checkout-copy', name: 'Checkout copy', hypothesis: '', owner: '', tags: [], status: 'running',
    audience: { kind: 'condition', condition: { platform: 'web' } }, stickyMembership: true, allocation: 100, seed: 'FixtureSeed1',
    variants: [
      { key: 'control', name: 'Control', weight: 50, overrides: {} },
      { key: 'bold', name: 'Bold', weight: 50, overrides: { 'checkout.banner': 'Buy now' } },
    ],
    metrics: { primary: null, secondary: [], guardrails: [] }, startAt: null, endAt: null, layer: null, layerRange: null, testUsers: [],
    startedAt: AT, endedAt: null, promotion: null, version: 2, createdAt: AT, updatedAt: AT, updatedBy: AUTHOR,
  };
  await sql`INSERT INTO experiments (id, key, status, doc, version) VALUES ('exp-copy', 'checkout-copy', 'running', ${json(experiment)}::jsonb, 2)`.execute(db);
  const keyHash = createHash('sha256').update(FIXTURE_SDK_SECRET).digest('hex');
  await sql`INSERT INTO sdk_keys (id, name, kind, allow_events, key_hash, prefix, created_by, created_at, last_used_at, revoked_at)
    VALUES ('key-web', 'web', 'client', false, ${keyHash}, ${FIXTURE_SDK_SECRET.slice(0, 10)}, NULL, ${AT}, NULL, NULL)`.execute(db);
  await sql`INSERT INTO known_users (targeting_key, attributes, last_seen_at) VALUES ('known-1', '{"plan":"beta"}'::jsonb, ${AT})`.execute(db);
  await sql`UPDATE config_version SET version = 12`.execute(db);
}

/** The OFREP requests whose answers must not change across the upgrade. */
export const FIXTURE_CONTEXTS = [
  { targetingKey: 'user-1' },
  { targetingKey: 'user-2', country: 'FR' },
  { targetingKey: 'user-3', plan: 'beta' },
  { targetingKey: 'user-4', country: 'FR', plan: 'beta' },
  { targetingKey: 'user-5', platform: 'web' },
  { targetingKey: 'user-6', platform: 'web' },
  { targetingKey: 'user-7', platform: 'web', country: 'FR' },
];
export const FIXTURE_SINGLE_FLAGS: { key: string; context: Record<string, unknown> }[] = [
  { key: 'checkout.banner', context: { targetingKey: 'user-2', country: 'FR' } },
  { key: 'cart.limit', context: { targetingKey: 'user-3', plan: 'beta' } },
  { key: 'promo.enabled', context: { targetingKey: 'user-1' } },
  { key: 'checkout.banner', context: { targetingKey: 'user-6', platform: 'web' } },
  { key: 'new-checkout', context: { targetingKey: 'user-4' } },
  { key: 'old.thing', context: { targetingKey: 'user-1' } },
];
