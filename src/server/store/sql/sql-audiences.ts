import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { KnownUser } from '../../../shared/contract/segments';
import type { KnownUserStore, ObservedAttributeRecord, ObservedAttributeStore, SegmentRecord, SegmentStore } from '../types';
import type { Database, SegmentsTable } from './schema';
import { iso, isoOrNull } from './sql-util';

type Db = Kysely<Database> | Transaction<Database>;
const json = (value: unknown) => JSON.stringify(value ?? null);
// Postgres takes at most 65,535 bind parameters per statement.
const ID_BATCH = 20_000;

function toSegment(row: Selectable<SegmentsTable>): SegmentRecord {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    definition: row.definition as SegmentRecord['definition'],
    archivedAt: isoOrNull(row.archived_at),
    version: Number(row.version),
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    updatedBy: row.updated_by,
  };
}

export class SqlSegments implements SegmentStore {
  constructor(private readonly db: Db) {}
  async list(archived: boolean) {
    const rows = await this.db.selectFrom('segments').selectAll().where('archived_at', archived ? 'is not' : 'is', null).orderBy(sql`lower(name)`).execute();
    return rows.map(toSegment);
  }
  async getById(id: string) {
    const row = await this.db.selectFrom('segments').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toSegment(row) : null;
  }
  async insert(s: SegmentRecord, ids?: string[]) {
    await this.db
      .insertInto('segments')
      .values({
        id: s.id,
        name: s.name,
        description: s.description,
        definition: json(s.definition),
        archived_at: s.archivedAt,
        version: s.version,
        created_at: s.createdAt,
        updated_at: s.updatedAt,
        updated_by: s.updatedBy,
      })
      .execute();
    if (ids) await this.replaceIds(s.id, ids);
  }
  async update(s: SegmentRecord, expectedVersion: number, ids?: string[]) {
    const row = await this.db
      .updateTable('segments')
      .set({
        name: s.name,
        description: s.description,
        definition: json(s.definition),
        archived_at: s.archivedAt,
        version: expectedVersion + 1,
        updated_at: s.updatedAt,
        updated_by: s.updatedBy,
      })
      .where('id', '=', s.id)
      .where('version', '=', expectedVersion)
      .returningAll()
      .executeTakeFirst();
    if (row && ids) await this.replaceIds(s.id, ids);
    return row ? toSegment(row) : null;
  }
  async getIds(segmentId: string) {
    const rows = await this.db.selectFrom('segment_ids').select('value').where('segment_id', '=', segmentId).orderBy('value').execute();
    return rows.map((row) => row.value);
  }
  private async replaceIds(segmentId: string, ids: string[]) {
    await this.db.deleteFrom('segment_ids').where('segment_id', '=', segmentId).execute();
    const unique = [...new Set(ids)];
    for (let i = 0; i < unique.length; i += ID_BATCH) {
      await this.db
        .insertInto('segment_ids')
        .values(unique.slice(i, i + ID_BATCH).map((value) => ({ segment_id: segmentId, value })))
        .execute();
    }
  }
}

const toKnownUser = (row: { targeting_key: string; attributes: unknown; last_seen_at: Date }): KnownUser => ({
  targetingKey: row.targeting_key,
  attributes: row.attributes as Record<string, unknown>,
  lastSeenAt: iso(row.last_seen_at),
});

export class SqlKnownUsers implements KnownUserStore {
  constructor(private readonly db: Db) {}
  async upsert(users: KnownUser[]) {
    for (let i = 0; i < users.length; i += ID_BATCH / 4) {
      await this.db
        .insertInto('known_users')
        .values(users.slice(i, i + ID_BATCH / 4).map((u) => ({ targeting_key: u.targetingKey, attributes: json(u.attributes), last_seen_at: u.lastSeenAt })))
        .onConflict((oc) =>
          oc.column('targeting_key').doUpdateSet({
            attributes: sql`CASE WHEN excluded.last_seen_at >= known_users.last_seen_at THEN excluded.attributes ELSE known_users.attributes END`,
            last_seen_at: sql`greatest(known_users.last_seen_at, excluded.last_seen_at)`,
          }),
        )
        .execute();
    }
  }
  async get(targetingKey: string) {
    const row = await this.db.selectFrom('known_users').selectAll().where('targeting_key', '=', targetingKey).executeTakeFirst();
    return row ? toKnownUser(row) : null;
  }
  async search(prefix: string | undefined, limit: number) {
    let q = this.db.selectFrom('known_users').selectAll();
    if (prefix) q = q.where('targeting_key', 'like', `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    return (await q.orderBy('last_seen_at', 'desc').limit(limit).execute()).map(toKnownUser);
  }
  async sample(since: string, limit: number) {
    const count = await this.db
      .selectFrom('known_users')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('last_seen_at', '>=', new Date(since))
      .executeTakeFirstOrThrow();
    const total = Number(count.n);
    const q = this.db.selectFrom('known_users').selectAll().where('last_seen_at', '>=', new Date(since));
    const rows = total <= limit ? await q.execute() : await q.orderBy(sql`random()`).limit(limit).execute();
    return { total, users: rows.map(toKnownUser) };
  }
}

export class SqlObservedAttributes implements ObservedAttributeStore {
  constructor(private readonly db: Db) {}
  async record(attributes: ObservedAttributeRecord[]) {
    if (attributes.length === 0) return;
    await this.db
      .insertInto('observed_attributes')
      .values(attributes.map((a) => ({ name: a.name, kinds: json(a.kinds), last_seen_at: a.lastSeenAt })))
      .onConflict((oc) =>
        oc.column('name').doUpdateSet({
          kinds: sql`(SELECT jsonb_agg(DISTINCT k ORDER BY k) FROM jsonb_array_elements_text(observed_attributes.kinds || excluded.kinds) AS k)`,
          last_seen_at: sql`greatest(observed_attributes.last_seen_at, excluded.last_seen_at)`,
        }),
      )
      .execute();
  }
  async list() {
    const rows = await this.db.selectFrom('observed_attributes').selectAll().orderBy('name').execute();
    return rows.map((row) => ({ name: row.name, kinds: row.kinds as string[], lastSeenAt: iso(row.last_seen_at) }));
  }
}
