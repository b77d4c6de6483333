import { SIGNATURE_HEADER } from '../../../shared/contract/webhooks';
import type { Services } from '../../services';
import type { WebhookAttemptOutcome, WebhookDeliveryRecord, WebhookRecord } from '../../store/types';
import { signatureHeader } from './signing';

/** Waits after failed attempts 1-5; the 6th failure is final. */
export const RETRY_DELAYS_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 6 * 3_600_000];
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;
export const KEEP_DELIVERIES_PER_WEBHOOK = 500;
export const RESPONSE_EXCERPT_CHARS = 1000;
const DEFAULT_TIMEOUT_MS = 10_000;
/** At most this many deliveries per run, sent concurrently. */
const BATCH = 50;
// A claimed delivery is hidden from other runs this long: well past the timeout, so a replica
// that dies mid-send only delays it.
const LEASE_MS = 2 * 60_000;

export interface WebhookDeliveryOptions {
  fetch: typeof fetch;
  timeoutMs: number;
  /** Deliver right after queuing (off in tests that drive the job themselves). */
  autoDeliver: boolean;
}

const optionsByServices = new WeakMap<Services, WebhookDeliveryOptions>();
const running = new WeakMap<Services, { done: Promise<void>; again: boolean }>();

/** Tests swap the fetch, shorten the timeout or turn off delivering right after queuing. */
export function configureWebhookDelivery(services: Services, options: Partial<WebhookDeliveryOptions>): void {
  optionsByServices.set(services, { ...deliveryOptions(services), ...options });
}

function deliveryOptions(services: Services): WebhookDeliveryOptions {
  return optionsByServices.get(services) ?? { fetch: (...args) => globalThis.fetch(...args), timeoutMs: DEFAULT_TIMEOUT_MS, autoDeliver: true };
}

/**
 * Starts a delivery run now, off the caller's path (never awaited by a request). One run at a
 * time per app: a kick during a run makes it go round once more.
 */
export function kickWebhookDelivery(services: Services): void {
  if (!deliveryOptions(services).autoDeliver) return;
  const current = running.get(services);
  if (current) {
    current.again = true;
    return;
  }
  const state = { done: Promise.resolve(), again: false };
  state.done = (async () => {
    // A macrotask first: a caller inside a transaction has committed (or is about to) before the claim.
    await new Promise((resolve) => setTimeout(resolve, 0));
    do {
      state.again = false;
      await deliverWebhooks(services).catch((error) => services.log('Delivering webhooks failed', error));
    } while (state.again);
    running.delete(services);
  })();
  running.set(services, state);
}

/** Resolves when no kicked run is going (tests). */
export async function webhookDeliveryIdle(services: Services): Promise<void> {
  while (running.get(services)) await running.get(services)!.done;
}

/**
 * Sends the deliveries that are due. The claim (and pruning the log) happens under the job lock,
 * so with several replicas each delivery is sent by one; the sending happens outside it, so no
 * database transaction waits on a receiver.
 */
export async function deliverWebhooks(services: Services): Promise<{ ran: boolean; attempted: number }> {
  const now = services.clock.now();
  const claimed = await services.store.withJobLock('webhook-delivery', async (store) => {
    await store.webhooks.prune(KEEP_DELIVERIES_PER_WEBHOOK);
    return store.webhooks.claimDue(now.toISOString(), new Date(now.getTime() + LEASE_MS).toISOString(), BATCH);
  });
  if (claimed === null) return { ran: false, attempted: 0 };
  const webhooks = new Map<string, Promise<WebhookRecord | null>>();
  const webhookOf = (id: string) => {
    if (!webhooks.has(id)) webhooks.set(id, services.store.webhooks.getById(id));
    return webhooks.get(id)!;
  };
  await Promise.all(
    claimed.map(async (delivery) => {
      try {
        const webhook = await webhookOf(delivery.webhookId);
        if (!webhook) return; // Deleted meanwhile: its deliveries went with it.
        const outcome = await attempt(services, webhook, delivery);
        await services.store.webhooks.recordAttempt(delivery.id, outcome);
      } catch (error) {
        services.log('A webhook delivery could not be recorded', error);
      }
    }),
  );
  return { ran: true, attempted: claimed.length };
}

async function attempt(services: Services, webhook: WebhookRecord, delivery: WebhookDeliveryRecord): Promise<WebhookAttemptOutcome> {
  if (!webhook.active && delivery.eventType !== 'webhook.test') {
    // Paused after queuing: kept in the log, not sent; Retry sends it once resumed.
    return { status: 'failed', attempts: delivery.attempts, nextAttemptAt: null, lastStatus: null, lastResponse: 'Not sent: the webhook is paused', deliveredAt: null };
  }
  const { fetch, timeoutMs } = deliveryOptions(services);
  const sentAt = services.clock.now();
  let lastStatus: number | null = null;
  let lastResponse: string;
  try {
    const response = await fetch(webhook.url, {
      method: 'POST',
      body: delivery.payload,
      headers: {
        'Content-Type': 'application/json',
        'User-Agent': 'Switchboard-Webhooks',
        [SIGNATURE_HEADER]: await signatureHeader(webhook.secret, delivery.payload, Math.floor(sentAt.getTime() / 1000)),
        'Switchboard-Event': delivery.eventType,
        'Switchboard-Delivery': delivery.id,
      },
      // A redirect is an answer, not a hop to follow: the admin chose this URL, not another.
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    lastStatus = response.status;
    lastResponse = await readExcerpt(response, RESPONSE_EXCERPT_CHARS);
  } catch (error) {
    lastResponse = describeFailure(error, timeoutMs);
  }
  const attempts = delivery.attempts + 1;
  const at = services.clock.now();
  if (lastStatus !== null && lastStatus >= 200 && lastStatus < 300) {
    return { status: 'delivered', attempts, nextAttemptAt: null, lastStatus, lastResponse, deliveredAt: at.toISOString() };
  }
  if (attempts >= MAX_ATTEMPTS) return { status: 'failed', attempts, nextAttemptAt: null, lastStatus, lastResponse, deliveredAt: null };
  const nextAttemptAt = new Date(at.getTime() + RETRY_DELAYS_MS[attempts - 1]).toISOString();
  return { status: 'pending', attempts, nextAttemptAt, lastStatus, lastResponse, deliveredAt: null };
}

/** The first `limit` characters of the body, reading no more of it than that needs. */
async function readExcerpt(response: Response, limit: number): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  try {
    while (text.length < limit) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
  } catch {
    // A body cut off midway: keep what arrived.
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return text.slice(0, limit);
}

function describeFailure(error: unknown, timeoutMs: number): string {
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') return `No answer within ${timeoutMs / 1000} s`;
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `Could not connect${cause || (error instanceof Error ? `: ${error.message}` : '')}`.slice(0, RESPONSE_EXCERPT_CHARS);
}
