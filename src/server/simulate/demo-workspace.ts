import { PRODUCTION_ENVIRONMENT_ID } from '../../shared/contract/environments';
import { systemActor } from '../modules/audit/audit-service';
import { createParameter } from '../modules/parameters/parameters-service';
import { createSdkKey } from '../modules/sdk-keys/sdk-keys-service';
import { createSegment } from '../modules/segments/segments-service';
import type { Services } from '../services';
import { runDemoExperiment } from './demo-experiment';
import type { FetchFunction } from './simulate-client';

// The demo workspace of `npm run demo` (Node, over HTTP) and of mock mode (the browser, through
// the in-page app): parameters of every type, segments, targeting rules, a client SDK key, app
// traffic through OFREP, metrics and the running checkout-button experiment with simulated users.
// No Node APIs here: the caller brings the services and the transport.

/** The demo's admin, created by the caller (startServer in Node, the mock in the browser). */
export { DEMO_EMAIL } from '../../shared/demo-account';
/** Users of the demo app who evaluate flags through OFREP (known users, attributes, reach). */
export const DEMO_APP_USERS = 400;

export interface DemoWorkspaceProgress {
  step: 'workspace' | 'app traffic' | 'experiment';
  /** Users done so far, app traffic and experiment together. */
  done: number;
  total: number;
}

export interface DemoWorkspaceOptions {
  /** Base URL of the app; with `fetch`, the URL that function is given. */
  url: string;
  /** The transport; default: the global fetch over HTTP. */
  fetch?: FetchFunction;
  /** Simulated users of the checkout-button experiment. */
  experimentUsers: number;
  seed?: string;
  onProgress?: (progress: DemoWorkspaceProgress) => void;
}

export async function buildDemoWorkspace(services: Services, options: DemoWorkspaceOptions) {
  const send = options.fetch ?? ((url: string, init: RequestInit) => fetch(url, init));
  const total = DEMO_APP_USERS + options.experimentUsers;
  const report = (step: DemoWorkspaceProgress['step'], done: number) => options.onProgress?.({ step, done, total });
  report('workspace', 0);
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
  for (const parameter of parameters) await createParameter(services, PRODUCTION_ENVIRONMENT_ID, parameter, actor);

  const clientKey = await createSdkKey(services, { name: 'Demo web app', kind: 'client', allowEvents: false }, actor);

  // App traffic through the real OFREP endpoint, so known users, attributes and reach are real.
  const countries = ['CA', 'US', 'FR', 'DE', 'GB'];
  const platforms = ['ios', 'android', 'web'];
  for (let i = 1; i <= DEMO_APP_USERS; i++) {
    const context = {
      targetingKey: `demo-user-${i}`,
      country: countries[i % countries.length],
      platform: platforms[i % platforms.length],
      appVersion: `5.${i % 4}.${i % 3}`,
      age: 14 + (i % 50),
      premium: i % 7 === 0,
      signupDate: new Date(Date.UTC(2026, i % 11, 1 + (i % 27))).toISOString(),
    };
    const response = await send(`${options.url}/ofrep/v1/evaluate/flags`, {
      method: 'POST',
      headers: { authorization: `Bearer ${clientKey.secret}`, 'content-type': 'application/json' },
      body: JSON.stringify({ context }),
    });
    if (!response.ok) throw new Error(`Demo app traffic: OFREP answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
    await response.body?.cancel();
    if (i % 50 === 0) report('app traffic', i);
  }
  await services.knownUsers.flush();

  // Two weeks of the checkout-button experiment: the orange button converts a little better.
  const { experiment, serverKey, simulated } = await runDemoExperiment(services, options.url, options.experimentUsers, options.seed ?? 'demo',
    (p) => report('experiment', DEMO_APP_USERS + p.usersDone), options.fetch);
  await services.knownUsers.flush();
  report('experiment', total);
  return { clientKey, serverKey, experiment, simulated };
}
