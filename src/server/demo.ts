import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { randomToken } from './lib/crypto';
import { systemActor } from './modules/audit/audit-service';
import { createParameter } from './modules/parameters/parameters-service';
import { createSdkKey } from './modules/sdk-keys/sdk-keys-service';
import { createSegment } from './modules/segments/segments-service';
import { readSettings } from './node/settings';
import { startServer } from './node/start-server';
import { runDemoExperiment } from './simulate/demo-experiment';

// `npm run demo`: a fresh workspace with parameters, segments, targeting, metrics, a running
// experiment and app traffic (the simulator, through the real endpoints), so every page,
// results included, has something real to show.
const settings = readSettings();
const dataDir = resolve(process.env.DATA_DIR ?? './data-demo');
await rm(dataDir, { recursive: true, force: true });
const email = 'demo@example.com';
const password = randomToken(12);
const server = await startServer({ ...settings, dataDir, databaseUrl: undefined, adminEmail: email, adminPassword: password });
const services = server.app.services;
const actor = systemActor;

const canada = await createSegment(services, {
  name: 'Canada, app 5.2+',
  description: 'Canadian users on a recent app',
  definition: {
    kind: 'rules',
    builder: {
      type: 'group',
      combinator: 'and',
      children: [
        { type: 'rule', attribute: 'country', kind: 'text', operator: 'is', value: 'CA' },
        { type: 'rule', attribute: 'appVersion', kind: 'version', operator: 'gte', value: '5.2.0' },
      ],
    },
  },
}, actor);
const teens = await createSegment(services, {
  name: 'Under 18',
  description: '',
  definition: { kind: 'rules', builder: { type: 'group', combinator: 'and', children: [{ type: 'rule', attribute: 'age', kind: 'number', operator: 'lt', value: 18 }] } },
}, actor);
await createSegment(services, { name: 'Beta testers', description: 'Hand-picked devices', definition: { kind: 'ids', attribute: 'targetingKey', ids: ['demo-user-1', 'demo-user-2', 'demo-user-3'] } }, actor);

const base = { description: '', tags: [] as string[], killed: false, rules: [] };
const parameters = [
  { ...base, key: 'headline', name: 'Home headline', tags: ['home'], spec: { type: 'string' as const, maxLength: 60 }, defaultValue: 'Fresh picks for you',
    rules: [{ description: 'Canada', audience: { kind: 'segment' as const, segmentId: canada.id }, value: 'Des choix pour vous', rollout: 100, enabled: true }] },
  { ...base, key: 'new_checkout', name: 'New checkout', tags: ['checkout'], spec: { type: 'boolean' as const }, defaultValue: false,
    rules: [{ description: '30% rollout', audience: { kind: 'everyone' as const }, value: true, rollout: 30, enabled: true }] },
  { ...base, key: 'max_cart_items', name: 'Max cart items', tags: ['checkout'], spec: { type: 'integer' as const, min: 1, max: 99 }, defaultValue: 20 },
  { ...base, key: 'shipping_fee', name: 'Shipping fee', tags: ['checkout'], spec: { type: 'number' as const, min: 0, step: 0.01 }, defaultValue: 4.99 },
  { ...base, key: 'animation_speed', name: 'Animation speed', spec: { type: 'float' as const, min: 0, max: 4 }, defaultValue: 1.25 },
  { ...base, key: 'button_colour', name: 'Buy button colour', tags: ['checkout'], spec: { type: 'color' as const }, defaultValue: '#2F9E44' },
  { ...base, key: 'hero_image', name: 'Home hero image', tags: ['home'], spec: { type: 'image' as const }, defaultValue: { url: 'https://images.example.com/hero.jpg', alt: 'Autumn collection', width: 1200, height: 600 } },
  { ...base, key: 'intro_video', name: 'Intro video', spec: { type: 'video' as const }, defaultValue: { url: 'https://videos.example.com/intro.mp4', autoplay: false, loop: false } },
  { ...base, key: 'title_style', name: 'Title style', spec: { type: 'textStyle' as const }, defaultValue: { fontSize: 28, fontWeight: 700 as const, color: '#1A1B1E' } },
  { ...base, key: 'home_tabs', name: 'Navigation tabs', tags: ['home'], spec: { type: 'array' as const, items: { type: 'string' as const }, maxItems: 5 }, defaultValue: ['home', 'search', 'cart', 'profile'] },
  { ...base, key: 'plan_limits', name: 'Plan limits', spec: { type: 'map' as const, values: { type: 'integer' as const } }, defaultValue: { free: 3, plus: 30 } },
  { ...base, key: 'recommended', name: 'Recommended items', tags: ['home'], spec: { type: 'recommendations' as const, maxItems: 10 }, defaultValue: { items: ['sku-101', 'sku-204', 'sku-350'], strategy: 'bestsellers' },
    rules: [{ description: 'Teens', audience: { kind: 'segment' as const, segmentId: teens.id }, value: { items: ['sku-900', 'sku-901'], strategy: 'trending' }, rollout: 100, enabled: true }] },
  { ...base, key: 'paywall', name: 'Paywall offer', tags: ['monetisation'], spec: { type: 'json' as const, schema: { type: 'object', required: ['price', 'currency'], properties: { price: { type: 'number' }, currency: { type: 'string' }, trialDays: { type: 'integer' } } } }, defaultValue: { price: 4.99, currency: 'USD', trialDays: 7 } },
];
for (const parameter of parameters) await createParameter(services, parameter, actor);

const clientKey = await createSdkKey(services, { name: 'Demo web app', kind: 'client', allowEvents: false }, actor);

// App traffic through the real OFREP endpoint, so known users, attributes and reach are real.
const countries = ['CA', 'US', 'FR', 'DE', 'GB'];
const platforms = ['ios', 'android', 'web'];
for (let i = 1; i <= 400; i++) {
  const context = {
    targetingKey: `demo-user-${i}`,
    country: countries[i % countries.length],
    platform: platforms[i % platforms.length],
    appVersion: `5.${i % 4}.${i % 3}`,
    age: 14 + (i % 50),
    premium: i % 7 === 0,
    signupDate: new Date(Date.UTC(2026, i % 11, 1 + (i % 27))).toISOString(),
  };
  await fetch(`${server.url}/ofrep/v1/evaluate/flags`, {
    method: 'POST',
    headers: { authorization: `Bearer ${clientKey.secret}`, 'content-type': 'application/json' },
    body: JSON.stringify({ context }),
  });
}
await services.knownUsers.flush();

// An experiment with two weeks of simulated traffic: B's orange button converts a little better.
const DEMO_USERS = Number(process.env.DEMO_USERS ?? 10_000);
process.stdout.write(`Simulating ${DEMO_USERS.toLocaleString('en')} users of the checkout-button experiment over 14 days…\n`);
const { serverKey, simulated } = await runDemoExperiment(services, server.url, DEMO_USERS, 'demo', (p) =>
  process.stdout.isTTY && process.stdout.write(`\r  users ${p.usersDone.toLocaleString('en')} / ${p.users.toLocaleString('en')}, ${Math.round(p.eventsPerSecond).toLocaleString('en')} events/s   `),
);
await services.knownUsers.flush();

console.log(`
Switchboard demo is running at ${server.url}
  Sign in as ${email} with the password ${password}
  Client SDK key for an app: ${clientKey.secret}
  Experiment checkout-button: ${DEMO_USERS.toLocaleString('en')} simulated users, ${simulated.eventsSent.toLocaleString('en')} events in ${simulated.seconds.toFixed(0)} s (more: npm run simulate -- --url ${server.url} --experiment checkout-button --users 5000 --sdk-key ${serverKey.secret} --events purchase,add_to_cart --seed 2)
  Data: ${dataDir} (wiped at every npm run demo)
`);
const stop = () => void server.close().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
