import type { Metric } from '../../../shared/contract/metrics';
import type { Parameter } from '../../../shared/contract/parameters';
import type { Rollout } from '../../../shared/contract/rollouts';
import type { CreatedSdkKey } from '../../../shared/contract/sdk-keys';
import type { Webhook, WebhookDelivery } from '../../../shared/contract/webhooks';
import type { Store } from '../../store/types';
import { createTestApp, type Caller, type OfrepFlag } from '../../test/harness';
import { configureWebhookDelivery } from '../webhooks/delivery';

// A world for the rollouts' API tests: a string parameter, an error-rate guardrail (lower is
// better), an app key, and helpers that send traffic the way apps do: each user evaluates
// through OFREP (which records their exposure on the side they got) and may send an error event.

export const MINUTE = 60_000;

export async function rolloutWorld(store?: Store) {
  const t = createTestApp(store ? { store } : {});
  const admin = await t.setupAdmin();
  const editor = await t.userWithRole(admin, 'editor');
  const viewer = await t.userWithRole(admin, 'viewer');
  const parameter = (await t.call<Parameter>('POST', '/api/parameters', { key: 'checkout-copy', name: 'Checkout copy', spec: { type: 'string' }, defaultValue: 'Buy' }, admin)).json;
  const errors = (await t.call<Metric>('POST', '/api/metrics', { key: 'errors', name: 'Errors', kind: 'conversion', event: 'app_error', direction: 'lower' }, admin)).json;
  const appKey = (await t.call<CreatedSdkKey>('POST', '/api/sdk-keys', { name: 'web', kind: 'client' }, admin)).json.secret;
  const app = { authorization: `Bearer ${appKey}` };
  // Events come from the app's backend: a server key (client keys only evaluate by default).
  const backend = { authorization: `Bearer ${(await t.call<CreatedSdkKey>('POST', '/api/sdk-keys', { name: 'backend', kind: 'server' }, admin)).json.secret}` };
  let sent = 0;

  /** What the app gets for one user: the value and the side (old/new while a rollout splits). */
  const evaluate = async (targetingKey: string): Promise<{ value: unknown; variant?: string }> => {
    const response = await t.call<{ flags: OfrepFlag[] }>('POST', '/ofrep/v1/evaluate/flags', { context: { targetingKey } }, {}, app);
    if (response.status !== 200) throw new Error(`OFREP answered ${response.status}: ${JSON.stringify(response.json)}`);
    const flag = response.json.flags.find((f: { key: string }) => f.key === 'checkout-copy')!;
    return { value: flag.value, variant: flag.variant };
  };

  /**
   * `count` new users evaluate; a user on the new side hits an error with chance `newErrorRate`,
   * on the old side with `oldErrorRate` (every k-th user, so runs repeat exactly). Returns users per side.
   */
  const traffic = async (count: number, rates: { old: number; new: number } = { old: 0.1, new: 0.1 }) => {
    const sides = { old: 0, new: 0, other: 0 };
    const events: object[] = [];
    const at = t.clock.now().toISOString();
    for (let i = 0; i < count; i++) {
      const user = `user-${sent++}`;
      const { variant } = await evaluate(user);
      const side = variant === 'old' || variant === 'new' ? variant : 'other';
      sides[side]++;
      const rate = side === 'new' ? rates.new : rates.old;
      if (rate > 0 && sides[side] % Math.round(1 / rate) === 0) {
        events.push({ id: `e-${user}`, type: 'track', event: 'app_error', targetingKey: user, timestamp: at });
      }
    }
    for (let i = 0; i < events.length; i += 500) {
      const response = await t.call('POST', '/sdk/v1/events', { events: events.slice(i, i + 500) }, {}, backend);
      if (response.status !== 200) throw new Error(`Events answered ${response.status}: ${JSON.stringify(response.json)}`);
    }
    return sides;
  };

  // Typed as the rollout they answer on success; a test reading a refusal says so (`w.create<Problem>(...)`).
  const create = <T = Rollout>(body: object, caller: Caller = editor, environment = 'production') => t.call<T>('POST', `/api/rollouts?environment=${environment}`, body, caller);
  const act = <T = Rollout>(rollout: Pick<Rollout, 'id' | 'version'>, action: string, extra: object = {}, caller: Caller = editor) =>
    t.call<T>('POST', `/api/rollouts/${rollout.id}/actions/${action}`, { expectedVersion: rollout.version, ...extra }, caller);
  const get = async (id: string): Promise<Rollout> => (await t.call<Rollout>('GET', `/api/rollouts/${id}`, undefined, viewer)).json;

  /** A webhook for the rollout events; its queued deliveries' types, oldest first (not sent: no receiver here). */
  const watchWebhooks = async () => {
    configureWebhookDelivery(t.app.services, { autoDeliver: false });
    const events = ['rollout.advanced', 'rollout.rolled_back', 'rollout.finished'];
    const { webhook } = (await t.call<{ webhook: Webhook; secret: string }>('POST', '/api/webhooks?environment=production', { url: 'https://hooks.example.com/switchboard', events }, admin)).json;
    return async () => {
      const { deliveries } = (await t.call<{ deliveries: WebhookDelivery[] }>('GET', `/api/webhooks/${webhook.id}/deliveries`, undefined, admin)).json;
      return (deliveries as { eventType: string }[]).map((d) => d.eventType).reverse();
    };
  };

  return { ...t, admin, editor, viewer, parameter, errors, appKey, evaluate, traffic, create, act, get, watchWebhooks };
}

export const changeBody = (guardrail: string, overrides: object = {}) => ({
  name: 'Friendlier checkout copy',
  audience: { kind: 'everyone' },
  changes: [{ parameterKey: 'checkout-copy', value: 'Buy now' }],
  guardrails: [guardrail],
  ...overrides,
});
