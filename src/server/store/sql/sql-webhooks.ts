import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { WebhookDeliveryEventType, WebhookEventType } from '../../../shared/contract/webhooks';
import type { WebhookAttemptOutcome, WebhookDeliveryRecord, WebhookRecord, WebhookStore } from '../types';
import type { Database } from './schema';
import { iso, isoOrNull, jsonRows } from './sql-util';

// The two tables of migration 14, typed here so the shared schema file stays untouched.
interface WebhooksTable {
  id: string;
  environment_id: string;
  url: string;
  description: string;
  events: unknown;
  active: boolean;
  secret: string;
  created_at: Date | string;
  created_by: string | null;
}

interface WebhookDeliveriesTable {
  id: string;
  webhook_id: string;
  event_type: string;
  payload: string;
  status: string;
  attempts: number;
  next_attempt_at: Date | string | null;
  last_status: number | null;
  last_response: string | null;
  created_at: Date | string;
  delivered_at: Date | string | null;
}

type WebhookDatabase = Database & { webhooks: WebhooksTable; webhook_deliveries: WebhookDeliveriesTable };
type Db = Kysely<Database> | Transaction<Database>;

function toWebhook(row: Selectable<WebhooksTable>): WebhookRecord {
  return {
    id: row.id,
    environmentId: row.environment_id,
    url: row.url,
    description: row.description,
    events: (typeof row.events === 'string' ? JSON.parse(row.events) : row.events) as WebhookEventType[],
    active: row.active,
    secret: row.secret,
    createdAt: iso(row.created_at),
    createdBy: row.created_by,
  };
}

function toDelivery(row: Selectable<WebhookDeliveriesTable>): WebhookDeliveryRecord {
  return {
    id: row.id,
    webhookId: row.webhook_id,
    eventType: row.event_type as WebhookDeliveryEventType,
    payload: row.payload,
    status: row.status as WebhookDeliveryRecord['status'],
    attempts: Number(row.attempts),
    nextAttemptAt: isoOrNull(row.next_attempt_at),
    lastStatus: row.last_status === null ? null : Number(row.last_status),
    lastResponse: row.last_response,
    createdAt: iso(row.created_at),
    deliveredAt: isoOrNull(row.delivered_at),
  };
}

export class SqlWebhooks implements WebhookStore {
  private readonly db: Kysely<WebhookDatabase>;
  constructor(db: Db) {
    this.db = db as unknown as Kysely<WebhookDatabase>;
  }
  async list(environmentId: string) {
    const rows = await this.db.selectFrom('webhooks').selectAll().where('environment_id', '=', environmentId).orderBy('created_at').orderBy('id').execute();
    return rows.map(toWebhook);
  }
  async getById(id: string) {
    const row = await this.db.selectFrom('webhooks').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toWebhook(row) : null;
  }
  async insert(w: WebhookRecord) {
    await this.db
      .insertInto('webhooks')
      .values({
        id: w.id,
        environment_id: w.environmentId,
        url: w.url,
        description: w.description,
        events: JSON.stringify(w.events),
        active: w.active,
        secret: w.secret,
        created_at: w.createdAt,
        created_by: w.createdBy,
      })
      .execute();
  }
  async update(w: WebhookRecord) {
    const row = await this.db
      .updateTable('webhooks')
      .set({ url: w.url, description: w.description, events: JSON.stringify(w.events), active: w.active, secret: w.secret })
      .where('id', '=', w.id)
      .returningAll()
      .executeTakeFirst();
    return row ? toWebhook(row) : null;
  }
  async delete(id: string) {
    const result = await this.db.deleteFrom('webhooks').where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }
  async insertDeliveries(deliveries: WebhookDeliveryRecord[]) {
    if (deliveries.length === 0) return;
    // One JSON parameter for the whole batch (see jsonRows).
    await sql`
      INSERT INTO webhook_deliveries (id, webhook_id, event_type, payload, status, attempts, next_attempt_at, last_status, last_response, created_at, delivered_at)
      SELECT id, "webhookId", "eventType", payload, status, attempts, "nextAttemptAt", "lastStatus", "lastResponse", "createdAt", "deliveredAt"
      FROM json_to_recordset(${jsonRows(deliveries)}::json) AS d(
        id text, "webhookId" text, "eventType" text, payload text, status text, attempts integer, "nextAttemptAt" timestamptz,
        "lastStatus" integer, "lastResponse" text, "createdAt" timestamptz, "deliveredAt" timestamptz)`.execute(this.db);
  }
  async getDelivery(id: string) {
    const row = await this.db.selectFrom('webhook_deliveries').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toDelivery(row) : null;
  }
  async listDeliveries(webhookId: string, limit: number) {
    const rows = await this.db
      .selectFrom('webhook_deliveries')
      .selectAll()
      .where('webhook_id', '=', webhookId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.map(toDelivery);
  }
  async claimDue(now: string, leaseUntil: string, limit: number) {
    const rows = await this.db
      .updateTable('webhook_deliveries')
      .set({ next_attempt_at: leaseUntil })
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('webhook_deliveries')
          .select('id')
          .where('status', '=', 'pending')
          .where('next_attempt_at', '<=', new Date(now))
          .orderBy('next_attempt_at')
          .orderBy('created_at')
          .limit(limit),
      )
      .returningAll()
      .execute();
    return rows.map(toDelivery).sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  }
  async recordAttempt(id: string, o: WebhookAttemptOutcome) {
    await this.db
      .updateTable('webhook_deliveries')
      .set({
        status: o.status,
        attempts: o.attempts,
        next_attempt_at: o.nextAttemptAt,
        last_status: o.lastStatus,
        last_response: o.lastResponse,
        delivered_at: o.deliveredAt,
      })
      .where('id', '=', id)
      .execute();
  }
  async requeue(id: string, at: string) {
    const row = await this.db
      .updateTable('webhook_deliveries')
      .set({ status: 'pending', next_attempt_at: at, delivered_at: null })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
    return row ? toDelivery(row) : null;
  }
  async prune(keep: number) {
    const result = await sql`
      DELETE FROM webhook_deliveries d USING (
        SELECT id, row_number() OVER (PARTITION BY webhook_id ORDER BY created_at DESC, id DESC) AS n FROM webhook_deliveries
      ) ranked
      WHERE d.id = ranked.id AND ranked.n > ${keep} AND d.status <> 'pending'`.execute(this.db);
    return Number(result.numAffectedRows ?? 0);
  }
}
