import type { SwitchboardApp } from '../../src/server/app';
import type { StoredEvent } from '../../src/server/store/types';
import { PRODUCTION_ENVIRONMENT_ID } from '../../src/shared/contract/environments';
import { DAY_MS, type BehaviourRule } from '../../src/shared/behaviour/behaviour-rule';
import { seededRandom } from '../../src/shared/seeded-random';
import type { BuilderGroup } from '../../src/shared/targeting';
import { valueFor } from './seed';

// The world of the behavioural benches: ten behavioural segments in use (each targeted by a rule
// on one of the first ten parameters), and the events of N users over the last 60 days, the same
// events for the same user number on every run.

const behaviour = (rule: Omit<BehaviourRule, 'type'>): BehaviourRule => ({ type: 'behaviour', ...rule });
const lastDays = (days: number) => ({ kind: 'lastDays' as const, days });
const only = (...children: BuilderGroup['children']): BuilderGroup => ({ type: 'group', combinator: 'and', children });

/** What a marketer builds: measures, windows, property filters, and one mixed with an attribute. */
export const BEHAVIOUR_SEGMENTS: { name: string; builder: BuilderGroup }[] = [
  { name: 'Bought in the last 30 days', builder: only(behaviour({ measure: 'did', event: 'purchase', window: lastDays(30) })) },
  { name: 'Added to cart 3+ times this week', builder: only(behaviour({ measure: 'count', event: 'add_to_cart', comparison: 'atLeast', amount: 3, window: lastDays(7) })) },
  { name: 'Spent 100+ in 30 days', builder: only(behaviour({ measure: 'sum', event: 'purchase', comparison: 'atLeast', amount: 100, window: lastDays(30) })) },
  { name: 'Lapsed: no app open in 14 days', builder: only(behaviour({ measure: 'didNot', event: 'open_app', window: lastDays(14) })) },
  { name: 'New in the last 14 days', builder: only(behaviour({ measure: 'firstSeen', window: lastDays(14) })) },
  {
    name: 'Bought shoes in 30 days',
    builder: only(behaviour({ measure: 'did', event: 'purchase', filters: [{ property: 'category', operator: 'equals', value: 'shoes' }], window: lastDays(30) })),
  },
  {
    name: 'Cart abandoners',
    builder: only(behaviour({ measure: 'did', event: 'add_to_cart', window: lastDays(7) }), behaviour({ measure: 'didNot', event: 'purchase', window: lastDays(7) })),
  },
  { name: 'Big spenders on average', builder: only(behaviour({ measure: 'average', event: 'purchase', comparison: 'atLeast', amount: 60, window: lastDays(60) })) },
  {
    name: 'Browsing shoes or bags in Canada',
    builder: only(
      { type: 'rule', attribute: 'country', kind: 'text', operator: 'is', value: 'CA' },
      behaviour({ measure: 'count', event: 'view_item', filters: [{ property: 'category', operator: 'in', value: ['shoes', 'bags'] }], comparison: 'between', amount: [1, 10], window: lastDays(14) }),
    ),
  },
  { name: 'Active in the last 3 days', builder: only(behaviour({ measure: 'lastSeen', window: lastDays(3) })) },
];

/**
 * The reference for the cost of the behaviour state alone: ten segments of attribute rules that
 * split users about as the behavioural ones do (by the last digit of their targetingKey), so the
 * answers vary per user the same way without any behaviour state.
 */
export const ATTRIBUTE_SEGMENTS: { name: string; builder: BuilderGroup }[] = BEHAVIOUR_SEGMENTS.map((_, n) => ({
  name: `Users ending in ${n} to ${(n + 2) % 10}`,
  builder: only({ type: 'rule', attribute: 'targetingKey', kind: 'text', operator: 'matches', value: `[${[n, (n + 1) % 10, (n + 2) % 10].join('')}]$` }),
}));

export const param = (n: number) => `param_${String(n).padStart(3, '0')}`;

/** Calls the app's HTTP API in-process as the first admin (a session made through /api/auth/setup). */
async function adminCaller(app: SwitchboardApp) {
  const setup = await app.request('/api/auth/setup', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'bench@example.com', name: 'Bench Admin', password: 'a long bench password' }),
  });
  if (setup.status !== 201) throw new Error(`setup answered ${setup.status}: ${await setup.text()}`);
  const cookie = (setup.headers.get('set-cookie') ?? '').split(';')[0];
  const csrf = ((await setup.json()) as { csrfToken: string }).csrfToken;
  return async <T>(method: string, path: string, body: unknown): Promise<T> => {
    const response = await app.request(path, { method, headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf }, body: JSON.stringify(body) });
    if (response.status >= 300) throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as T;
  };
}

/**
 * Creates the ten segments (or `segments`) through POST /api/segments and gives param_000 ... param_009 a rule
 * each (PATCH /api/parameters/:id) serving another value to that segment.
 */
export async function seedBehaviourSegments(app: SwitchboardApp, segments = BEHAVIOUR_SEGMENTS): Promise<void> {
  const call = await adminCaller(app);
  for (const [n, segment] of segments.entries()) {
    const created = await call<{ id: string }>('POST', '/api/segments', { name: segment.name, definition: { kind: 'rules', builder: segment.builder } });
    const target = await app.services.store.parameters.getByKey(param(n), PRODUCTION_ENVIRONMENT_ID);
    if (!target) throw new Error(`${param(n)} is missing`);
    await call('PATCH', `/api/parameters/${target.id}`, {
      expectedVersion: target.version,
      rules: [{ description: segment.name, audience: { kind: 'segment', segmentId: created.id }, value: valueFor(n, 1) }],
    });
  }
}

const categories = ['shoes', 'bags', 'hats'];

/**
 * User `user`'s events, before `now`: first seen 0 to 59 days ago, then app opens, item views,
 * add-to-carts and (for about half) purchases with a value, on days since then. About 7 a user.
 */
export function userEvents(user: number, now: number, environmentId = PRODUCTION_ENVIRONMENT_ID): StoredEvent[] {
  const random = seededRandom(user + 1);
  const age = Math.floor(random() * 60);
  const receivedAt = new Date(now).toISOString();
  const events: StoredEvent[] = [];
  const add = (event: string, daysAgo: number, value: number | null, properties: StoredEvent['properties']) =>
    events.push({
      id: `u${user}-${events.length}`,
      environmentId,
      type: 'track',
      targetingKey: `u${user}`,
      event,
      value,
      timestamp: new Date(now - daysAgo * DAY_MS - Math.floor(random() * 3_600_000)).toISOString(),
      properties,
      receivedAt,
    });
  const day = (within = age) => Math.floor(random() * (within + 1));
  add('open_app', age, null, null);
  for (let i = Math.floor(random() * 3); i > 0; i--) add('open_app', day(), null, null);
  for (let i = Math.floor(random() * 3); i > 0; i--) add('view_item', day(), null, { category: categories[Math.floor(random() * 3)] });
  for (let i = Math.floor(random() * 4); i > 0; i--) add('add_to_cart', day(Math.min(age, 9)), null, { category: categories[Math.floor(random() * 3)] });
  if (random() < 0.5) {
    for (let i = 1 + Math.floor(random() * 2); i > 0; i--) add('purchase', day(), Math.round(10 + random() * 110), { category: categories[Math.floor(random() * 3)], currency: 'EUR' });
  }
  return events;
}

/** The events of users [from, to) in batches of at most `size` (a user's events stay in one batch). */
export function* eventBatches(from: number, to: number, size: number, now: number): Generator<StoredEvent[]> {
  let batch: StoredEvent[] = [];
  for (let user = from; user < to; user++) {
    const events = userEvents(user, now);
    if (batch.length + events.length > size) {
      yield batch;
      batch = [];
    }
    batch.push(...events);
  }
  if (batch.length > 0) yield batch;
}

/** A stored event as an app sends it to POST /sdk/v1/events. */
export const asSent = ({ id, type, targetingKey, event, value, timestamp, properties }: StoredEvent) => ({
  id,
  type,
  targetingKey,
  event,
  ...(value !== null && { value }),
  timestamp,
  ...(properties && { properties }),
});
