import type { SwitchboardApp } from '../../src/server/app';
import { DEFAULT_ENVIRONMENTS, PRODUCTION_ENVIRONMENT_ID } from '../../src/shared/contract/environments';
import { createParameter, getParameter, updateParameter } from '../../src/server/modules/parameters/parameters-service';
import { createSdkKey } from '../../src/server/modules/sdk-keys/sdk-keys-service';
import { systemActor } from '../../src/server/modules/audit/audit-service';

const samples = [
  { spec: { type: 'string' as const }, defaultValue: 'Summer sale: 20% off everything' },
  { spec: { type: 'integer' as const }, defaultValue: 12 },
  { spec: { type: 'number' as const }, defaultValue: 9.99 },
  { spec: { type: 'boolean' as const }, defaultValue: true },
  { spec: { type: 'color' as const }, defaultValue: '#FF5500' },
  { spec: { type: 'json' as const }, defaultValue: { screens: [{ title: 'Welcome', body: 'Start here', button: 'Next' }] } },
  { spec: { type: 'image' as const }, defaultValue: { url: 'https://cdn.example.com/hero.png', alt: 'Hero', width: 800, height: 400 } },
  { spec: { type: 'textStyle' as const }, defaultValue: { fontSize: 24, fontWeight: 700 as const, color: '#111111' } },
];

/** A value of the right type for parameter n (the samples cycle through eight types): variant v's. */
export const valueFor = (n: number, v: number): unknown =>
  [
    `Variant ${v}`,
    12 + v,
    9.99 + v,
    v % 2 === 0,
    v === 1 ? '#0055FF' : '#00AA55',
    { screens: [{ title: `Variant ${v}` }] },
    { url: `https://cdn.example.com/hero-${v}.png`, alt: 'Hero', width: 800, height: 400 },
    { fontSize: 24 + v, fontWeight: 700, color: '#111111' },
  ][n % 8];

/** `count` parameters of mixed types (in every environment) and a Production server SDK key; returns the key's secret. */
export async function seedParameters(app: SwitchboardApp, count: number): Promise<string> {
  for (let i = 0; i < count; i++) {
    const sample = samples[i % samples.length];
    const parameter = { key: `param_${String(i).padStart(3, '0')}`, name: `Parameter ${i}`, description: '', tags: [], killed: false, rules: [], ...sample };
    await createParameter(app.services, PRODUCTION_ENVIRONMENT_ID, parameter, systemActor);
  }
  return (await createSdkKey(app.services, { name: 'bench', kind: 'server', allowEvents: true }, systemActor)).secret;
}

/**
 * A server key for each other seeded environment, after giving its first parameter a value of its
 * own there (so each environment's answer differs); returns their secrets.
 */
export async function seedEnvironmentKeys(app: SwitchboardApp): Promise<string[]> {
  const secrets: string[] = [];
  for (const environment of DEFAULT_ENVIRONMENTS.filter((e) => e.id !== PRODUCTION_ENVIRONMENT_ID)) {
    const first = await getParameter(app.services, 'param_000', environment.id);
    await updateParameter(app.services, first.id, environment.id, { expectedVersion: first.version, defaultValue: `${environment.name} copy` }, systemActor);
    secrets.push((await createSdkKey(app.services, { name: `bench ${environment.key}`, kind: 'server', allowEvents: true, environmentId: environment.id }, systemActor)).secret);
  }
  return secrets;
}

/** The first admin, created through the real setup endpoint: the session cookie and CSRF token a dashboard sends. */
export async function adminSession(app: SwitchboardApp): Promise<{ cookie: string; csrf: string }> {
  const setup = await app.request('/api/auth/setup', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@example.com', name: 'Bench', password: 'correct horse battery' }),
  });
  const { csrfToken } = (await setup.json()) as { csrfToken: string };
  return { cookie: (setup.headers.get('set-cookie') ?? '').split(';')[0], csrf: csrfToken };
}
