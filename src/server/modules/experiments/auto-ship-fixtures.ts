import { expect } from 'vitest';
import type { Experiment } from '../../../shared/contract/experiments';
import type { Rollout } from '../../../shared/contract/rollouts';
import type { Webhook, WebhookDelivery } from '../../../shared/contract/webhooks';
import type { Store } from '../../store/types';
import { rolloutWorld } from '../rollouts/rollout-fixtures';
import { configureWebhookDelivery } from '../webhooks/delivery';

// Auto-ship through the API with a fake clock: users evaluate through OFREP (their exposure is
// recorded on the variant they got) and the app's backend sends purchase and error events.

export const DAY = 24 * 60 * 60_000;
type Rates = { purchase: number; error: number };

export async function autoShipWorld(autoShip: object = { enabled: true, minDays: 7, audience: 'everyone' }, store?: Store) {
  const w = await rolloutWorld(store);
  const purchase = (await w.call('POST', '/api/metrics', { key: 'purchase', name: 'Purchase conversion', kind: 'conversion', event: 'purchase', direction: 'higher' }, w.admin)).json;
  const backend = { authorization: `Bearer ${(await w.call('POST', '/api/sdk-keys', { name: 'shop', kind: 'server' }, w.admin)).json.secret}` };
  configureWebhookDelivery(w.app.services, { autoDeliver: false });
  const { webhook } = (await w.call<{ webhook: Webhook; secret: string }>('POST', '/api/webhooks?environment=production', { url: 'https://hooks.example.com/sb', events: ['experiment.winner_found', 'experiment.completed'] }, w.admin)).json;
  const created = await w.call('POST', '/api/experiments', {
    key: 'copy-test', name: 'Copy test',
    variants: [{ key: 'control', name: 'Control', weight: 50, overrides: {} }, { key: 'b', name: 'Variant B', weight: 50, overrides: { 'checkout-copy': 'Buy now' } }],
    metrics: { primary: purchase.id, secondary: [], guardrails: [w.errors.id] },
    autoShip,
  }, w.editor);
  expect(created.status, JSON.stringify(created.json)).toBe(201);
  const started = (await w.call('POST', `/api/experiments/${created.json.id}/transitions`, { action: 'start', expectedVersion: created.json.version }, w.editor)).json as Experiment;
  let sent = 0;
  /** `count` users evaluate; on each side every k-th user (k = 1/rate) purchases or errs, so runs repeat exactly. */
  const traffic = async (count: number, rates: { control: Rates; b: Rates }) => {
    const seen = { control: 0, b: 0 };
    const events: object[] = [];
    const at = w.clock.now().toISOString();
    for (let i = 0; i < count; i++) {
      const user = `shopper-${sent++}`;
      const { variant } = await w.evaluate(user);
      const side = variant === 'b' ? 'b' : 'control';
      const n = ++seen[side];
      const every = (rate: number) => rate > 0 && n % Math.round(1 / rate) === 0;
      if (every(rates[side].purchase)) events.push({ id: `p-${user}`, type: 'track', event: 'purchase', targetingKey: user, timestamp: at });
      if (every(rates[side].error)) events.push({ id: `e-${user}`, type: 'track', event: 'app_error', targetingKey: user, timestamp: at });
    }
    for (let i = 0; i < events.length; i += 500) {
      const response = await w.call('POST', '/sdk/v1/events', { events: events.slice(i, i + 500) }, {}, backend);
      expect(response.status).toBe(200);
    }
  };
  const read = async (): Promise<Experiment> => (await w.call<Experiment>('GET', `/api/experiments/${started.id}`, undefined, w.viewer)).json;
  const rollouts = async (): Promise<Rollout[]> => (await w.call<{ rollouts: Rollout[] }>('GET', '/api/rollouts?environment=production', undefined, w.viewer)).json.rollouts;
  const webhookEvents = async (): Promise<string[]> =>
    ((await w.call<{ deliveries: WebhookDelivery[] }>('GET', `/api/webhooks/${webhook.id}/deliveries`, undefined, w.admin)).json.deliveries as { eventType: string }[]).map((d) => d.eventType).reverse();
  return { w, experiment: started, traffic, read, rollouts, webhookEvents };
}

export const clearWinner = { control: { purchase: 0.1, error: 0.1 }, b: { purchase: 0.25, error: 0.1 } };
