import type { WebhookAttemptOutcome, WebhookDeliveryRecord, WebhookRecord, WebhookStore } from '../types';
import type { MemoryState } from './memory-store';

type State = () => MemoryState;

const byNewest = (a: WebhookDeliveryRecord, b: WebhookDeliveryRecord) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id);

export class MemoryWebhooks implements WebhookStore {
  constructor(private readonly state: State) {}
  private get hooks() {
    return this.state().webhooks;
  }
  private get deliveries() {
    return this.state().webhookDeliveries;
  }
  async list(environmentId: string) {
    return [...this.hooks.values()]
      .filter((w) => w.environmentId === environmentId)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))
      .map((w) => structuredClone(w));
  }
  async getById(id: string) {
    const found = this.hooks.get(id);
    return found ? structuredClone(found) : null;
  }
  async insert(webhook: WebhookRecord) {
    this.hooks.set(webhook.id, structuredClone(webhook));
  }
  async update(webhook: WebhookRecord) {
    const current = this.hooks.get(webhook.id);
    if (!current) return null;
    // Where and when it was made never change.
    const next = { ...structuredClone(webhook), environmentId: current.environmentId, createdAt: current.createdAt, createdBy: current.createdBy };
    this.hooks.set(webhook.id, next);
    return structuredClone(next);
  }
  async delete(id: string) {
    if (!this.hooks.delete(id)) return false;
    for (const [deliveryId, delivery] of this.deliveries) if (delivery.webhookId === id) this.deliveries.delete(deliveryId);
    return true;
  }
  async insertDeliveries(deliveries: WebhookDeliveryRecord[]) {
    for (const delivery of deliveries) this.deliveries.set(delivery.id, structuredClone(delivery));
  }
  async getDelivery(id: string) {
    const found = this.deliveries.get(id);
    return found ? structuredClone(found) : null;
  }
  async listDeliveries(webhookId: string, limit: number) {
    return [...this.deliveries.values()].filter((d) => d.webhookId === webhookId).sort(byNewest).slice(0, limit).map((d) => structuredClone(d));
  }
  async claimDue(now: string, leaseUntil: string, limit: number) {
    const due = [...this.deliveries.values()]
      .filter((d) => d.status === 'pending' && d.nextAttemptAt !== null && Date.parse(d.nextAttemptAt) <= Date.parse(now))
      .sort((a, b) => Date.parse(a.nextAttemptAt!) - Date.parse(b.nextAttemptAt!) || a.createdAt.localeCompare(b.createdAt))
      .slice(0, limit);
    for (const delivery of due) delivery.nextAttemptAt = leaseUntil;
    return due.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id)).map((d) => structuredClone(d));
  }
  async recordAttempt(id: string, outcome: WebhookAttemptOutcome) {
    const delivery = this.deliveries.get(id);
    if (delivery) Object.assign(delivery, outcome);
  }
  async requeue(id: string, at: string) {
    const delivery = this.deliveries.get(id);
    if (!delivery) return null;
    Object.assign(delivery, { status: 'pending', nextAttemptAt: at, deliveredAt: null });
    return structuredClone(delivery);
  }
  async prune(keep: number) {
    const perWebhook = new Map<string, WebhookDeliveryRecord[]>();
    for (const delivery of this.deliveries.values()) {
      const list = perWebhook.get(delivery.webhookId) ?? [];
      list.push(delivery);
      perWebhook.set(delivery.webhookId, list);
    }
    let removed = 0;
    for (const list of perWebhook.values()) {
      for (const old of list.sort(byNewest).slice(keep)) {
        if (old.status === 'pending') continue;
        this.deliveries.delete(old.id);
        removed++;
      }
    }
    return removed;
  }
}
