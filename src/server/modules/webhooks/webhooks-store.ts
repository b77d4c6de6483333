import type { Webhook, WebhookDelivery } from '../../../shared/contract/webhooks';

// Webhooks and their deliveries: part of the Store contract (src/server/store/types.ts), implemented by the memory and SQL stores.

/** A webhook as stored: with its signing secret, which the API shows only at create and rotate. */
export type WebhookRecord = Omit<Webhook, 'secretHint'> & { secret: string };

/** A delivery as stored: the payload is the exact body text sent every attempt. */
export type WebhookDeliveryRecord = Omit<WebhookDelivery, 'payload'> & { payload: string };

/** What one attempt left: the next attempt, or delivered/failed, and the receiver's answer. */
export interface WebhookAttemptOutcome {
  status: WebhookDelivery['status'];
  attempts: number;
  nextAttemptAt: string | null;
  lastStatus: number | null;
  lastResponse: string | null;
  deliveredAt: string | null;
}

export interface WebhookStore {
  /** Oldest first. */
  list(environmentId: string): Promise<WebhookRecord[]>;
  getById(id: string): Promise<WebhookRecord | null>;
  insert(webhook: WebhookRecord): Promise<void>;
  /** Null when there is no such webhook. */
  update(webhook: WebhookRecord): Promise<WebhookRecord | null>;
  /** Deletes the webhook and its deliveries; false when there was none. */
  delete(id: string): Promise<boolean>;
  insertDeliveries(deliveries: WebhookDeliveryRecord[]): Promise<void>;
  getDelivery(id: string): Promise<WebhookDeliveryRecord | null>;
  /** Newest first. */
  listDeliveries(webhookId: string, limit: number): Promise<WebhookDeliveryRecord[]>;
  /**
   * Pending deliveries due at `now`, oldest first, at most `limit`, each pushed to `leaseUntil`
   * so that no other run takes them while this one is sending (run it under the job lock).
   */
  claimDue(now: string, leaseUntil: string, limit: number): Promise<WebhookDeliveryRecord[]>;
  recordAttempt(id: string, outcome: WebhookAttemptOutcome): Promise<void>;
  /** Sets a delivery pending again, due at `at`; null when there is none. */
  requeue(id: string, at: string): Promise<WebhookDeliveryRecord | null>;
  /** Keeps each webhook's newest `keep` deliveries (pending ones always); returns how many went. */
  prune(keep: number): Promise<number>;
}
