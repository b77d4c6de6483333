import { sql, type Kysely, type Transaction } from 'kysely';
import type { Experiment, ExperimentStatus } from '../../../shared/contract/experiments';
import type { Metric } from '../../../shared/contract/metrics';
import type { ExperimentStore, ExposureRecord, ExposureStore, MetricStore } from '../types';
import type { Database } from './schema';
import { withIngestLock } from './sql-rollups';
import { guardUnique, jsonRows } from './sql-util';

type Db = Kysely<Database> | Transaction<Database>;

// Metrics and experiments are stored as one JSON document each, with the columns that queries
// and constraints need (key, status, version) beside it.

export class SqlMetrics implements MetricStore {
  constructor(private readonly db: Db) {}
  async list(archived: boolean) {
    const rows = await this.db.selectFrom('metrics').select('doc').where('archived', '=', archived).execute();
    return rows.map((row) => row.doc as Metric).sort((a, b) => a.name.localeCompare(b.name));
  }
  async getById(id: string) {
    const row = await this.db.selectFrom('metrics').select('doc').where('id', '=', id).executeTakeFirst();
    return row ? (row.doc as Metric) : null;
  }
  async getByIds(ids: string[]) {
    if (ids.length === 0) return [];
    const rows = await this.db.selectFrom('metrics').select('doc').where(sql<boolean>`id IN (SELECT json_array_elements_text(${jsonRows(ids)}::json))`).execute();
    const byId = new Map(rows.map((row) => [(row.doc as Metric).id, row.doc as Metric]));
    return ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
  }
  async insert(metric: Metric) {
    await guardUnique('key', () =>
      this.db
        .insertInto('metrics')
        .values({ id: metric.id, key: metric.key, doc: JSON.stringify(metric), archived: metric.archivedAt !== null, version: metric.version })
        .execute(),
    );
  }
  async update(metric: Metric, expectedVersion: number) {
    const result = await this.db
      .updateTable('metrics')
      .set({ doc: JSON.stringify(metric), archived: metric.archivedAt !== null, version: metric.version })
      .where('id', '=', metric.id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1 ? metric : null;
  }
}

export class SqlExperiments implements ExperimentStore {
  constructor(private readonly db: Db) {}
  async list(statuses?: readonly ExperimentStatus[], environmentId?: string) {
    let query = this.db.selectFrom('experiments').select('doc');
    if (environmentId) query = query.where(sql`doc->>'environmentId'`, '=', environmentId);
    if (statuses) {
      if (statuses.length === 0) return [];
      query = query.where('status', 'in', [...statuses]);
    }
    const rows = await query.execute();
    return rows.map((row) => row.doc as Experiment).sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
  }
  async getById(id: string) {
    const row = await this.db.selectFrom('experiments').select('doc').where('id', '=', id).executeTakeFirst();
    return row ? (row.doc as Experiment) : null;
  }
  async getByKey(key: string) {
    const row = await this.db.selectFrom('experiments').select('doc').where('key', '=', key).executeTakeFirst();
    return row ? (row.doc as Experiment) : null;
  }
  async insert(experiment: Experiment) {
    await guardUnique('key', () =>
      this.db
        .insertInto('experiments')
        .values({ id: experiment.id, key: experiment.key, status: experiment.status, doc: JSON.stringify(experiment), version: experiment.version })
        .execute(),
    );
  }
  async update(experiment: Experiment, expectedVersion: number) {
    const result = await this.db
      .updateTable('experiments')
      .set({ status: experiment.status, doc: JSON.stringify(experiment), version: experiment.version })
      .where('id', '=', experiment.id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1 ? experiment : null;
  }
}

export class SqlExposures implements ExposureStore {
  constructor(private readonly db: Db) {}
  async record(exposures: ExposureRecord[]) {
    if (exposures.length === 0) return;
    // One statement per batch, rows as one JSON parameter (cheaper to send than arrays). A user
    // already exposed keeps their variant; only an earlier time (a back-dated exposure event from
    // an app) rewrites the row, so the usual repeat costs no write at all.
    await withIngestLock(this.db, (trx) => sql`
      INSERT INTO exposures (experiment_id, targeting_key, variant, first_seen_at)
      SELECT DISTINCT ON ("experimentId", "targetingKey") "experimentId", "targetingKey", variant, "firstSeenAt"
      FROM json_to_recordset(${JSON.stringify(exposures)}::json)
        AS batch("experimentId" text, "targetingKey" text, variant text, "firstSeenAt" timestamptz)
      ORDER BY "experimentId", "targetingKey", "firstSeenAt"
      ON CONFLICT (experiment_id, targeting_key)
      DO UPDATE SET first_seen_at = excluded.first_seen_at, seq = nextval('ingest_seq') WHERE excluded.first_seen_at < exposures.first_seen_at`.execute(trx));
  }
  async variantsOf(experimentId: string) {
    const rows = await this.db.selectFrom('exposures').select(['targeting_key', 'variant']).where('experiment_id', '=', experimentId).execute();
    return new Map(rows.map((row) => [row.targeting_key, row.variant]));
  }
  async exposedUsersAfter(experimentId: string, after: string | null, limit: number) {
    // The primary key (experiment_id, targeting_key) serves both the range and the order.
    const rows = await this.db
      .selectFrom('exposures')
      .select('targeting_key')
      .where('experiment_id', '=', experimentId)
      .$if(after !== null, (query) => query.where('targeting_key', '>', after!))
      .orderBy('targeting_key')
      .limit(limit)
      .execute();
    return rows.map((row) => row.targeting_key);
  }
  async counts(experimentId: string) {
    const rows = await this.db
      .selectFrom('exposures')
      .select(['variant', (eb) => eb.fn.countAll().as('users')])
      .where('experiment_id', '=', experimentId)
      .groupBy('variant')
      .orderBy('variant')
      .execute();
    return rows.map((row) => ({ variant: row.variant, users: Number(row.users) }));
  }
}
