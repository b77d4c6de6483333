import type { BehaviourRule } from '../../../shared/behaviour/behaviour-rule';
import { behaviourRuleId } from '../../../shared/behaviour/behaviour-rule';
import type { Store } from '../../store/types';
import { createTestApp } from '../../test/harness';

// A world for behavioural segment tests: an app on a given store with a fake clock, an SDK key
// that may send events, and helpers to send events and ask OFREP.

export const DAY = 86_400_000;
/** Mid-day, so "today" is unambiguous. */
export const NOW = '2026-01-10T12:00:00.000Z';

export const addedToCart: BehaviourRule = { type: 'behaviour', measure: 'did', event: 'add_to_cart', window: { kind: 'lastDays', days: 7 } };
export const didNotPurchase: BehaviourRule = { type: 'behaviour', measure: 'didNot', event: 'purchase', window: { kind: 'lastDays', days: 7 } };
export const cartNotBought = { kind: 'rules', builder: { type: 'group', combinator: 'and', children: [addedToCart, didNotPurchase] } };
export const behaviourIds = () => [behaviourRuleId(addedToCart), behaviourRuleId(didNotPurchase)];

let eventId = 0;

export async function behaviourWorld(store: Store) {
  const t = createTestApp({ store });
  t.clock.advance(Date.parse(NOW) - t.clock.now().getTime());
  const admin = await t.setupAdmin();
  const key = (await t.call('POST', '/api/sdk-keys', { name: 'app', kind: 'server', allowEvents: true }, admin)).json.secret as string;
  const auth = { authorization: `Bearer ${key}` };

  /** Sends track events; `at` is epoch ms (the clock's now by default). */
  const send = async (events: { user: string; event: string; at?: number; value?: number; properties?: Record<string, string | number | boolean> }[], ids?: string[]) => {
    const body = {
      events: events.map((e, i) => ({
        id: ids?.[i] ?? `ev-${++eventId}`,
        type: 'track',
        targetingKey: e.user,
        event: e.event,
        ...(e.value !== undefined && { value: e.value }),
        timestamp: new Date(e.at ?? t.clock.now().getTime()).toISOString(),
        ...(e.properties && { properties: e.properties }),
      })),
    };
    const response = await t.call('POST', '/sdk/v1/events', body, {}, auth);
    if (response.status !== 200) throw new Error(`events refused: ${JSON.stringify(response.json)}`);
    return response.json as { accepted: number; duplicates: number };
  };
  const segment = async (name: string, definition: unknown) => {
    const created = await t.call('POST', '/api/segments', { name, definition }, admin);
    if (created.status !== 201) throw new Error(`segment refused: ${JSON.stringify(created.json)}`);
    return created.json.id as string;
  };
  /** A string parameter `key` that gives `value` to the segment's members and 'none' to others. */
  const target = async (parameterKey: string, segmentId: string, value = 'offer') => {
    const rules = [{ audience: { kind: 'segment', segmentId }, value }];
    const created = await t.call('POST', '/api/parameters', { key: parameterKey, name: parameterKey, spec: { type: 'string' }, defaultValue: 'none', rules }, admin);
    if (created.status !== 201) throw new Error(`parameter refused: ${JSON.stringify(created.json)}`);
  };
  /** The value OFREP gives the user (single flag). */
  const value = async (parameterKey: string, user: string, extra: Record<string, unknown> = {}) => {
    const response = await t.call('POST', `/ofrep/v1/evaluate/flags/${parameterKey}`, { context: { targetingKey: user, ...extra } }, {}, auth);
    return response.json.value as string;
  };
  /** The value in OFREP's bulk answer. */
  const bulkValue = async (parameterKey: string, user: string, extra: Record<string, unknown> = {}) => {
    const response = await t.call('POST', '/ofrep/v1/evaluate/flags', { context: { targetingKey: user, ...extra } }, {}, auth);
    return (response.json.flags as { key: string; value: string }[]).find((f) => f.key === parameterKey)?.value;
  };
  const sync = () => t.app.services.behaviour.sync();
  return { t, admin, auth, send, segment, target, value, bulkValue, sync };
}
