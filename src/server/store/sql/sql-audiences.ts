import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { KnownUser } from '../../../shared/contract/segments';
import type { KnownUserStore, ObservedAttributeRecord, ObservedAttributeStore, SegmentRecord, SegmentStore } from '../types';
import type { Database, SegmentsTable } from './schema';
import { inTransaction, iso, isoOrNull, jsonRows } from './sql-util';

type Db = Kysely<Database> | Transaction<Database>;
const json = (value: unknown) => JSON.stringify(value ?? null);

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
    // One transaction: a segment is never stored without its ids.
    await inTransaction(this.db, async (trx) => {
      await trx
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
      if (ids) await replaceIds(trx, s.id, ids);
    });
  }
  async update(s: SegmentRecord, expectedVersion: number, ids?: string[]) {
    const row = await inTransaction(this.db, async (trx) => {
      const updated = await trx
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
      if (updated && ids) await replaceIds(trx, s.id, ids);
      return updated;
    });
    return row ? toSegment(row) : null;
  }
  async getIds(segmentId: string) {
    const rows = await this.db.selectFrom('segment_ids').select('value').where('segment_id', '=', segmentId).orderBy('value').execute();
    return rows.map((row) => row.value);
  }
}

/** Replaces a segment's id list: one statement for any number of ids (up to MAX_SEGMENT_IDS and beyond). */
async function replaceIds(trx: Transaction<Database>, segmentId: string, ids: string[]) {
  await trx.deleteFrom('segment_ids').where('segment_id', '=', segmentId).execute();
  if (ids.length === 0) return;
  await sql`
    INSERT INTO segment_ids (segment_id, value)
    SELECT ${segmentId}::text, value FROM json_array_elements_text(${jsonRows([...new Set(ids)])}::json) AS value`.execute(trx);
}

const toKnownUser = (row: { targeting_key: string; attributes: unknown; last_seen_at: Date }): KnownUser => ({
  targetingKey: row.targeting_key,
  attributes: row.attributes as Record<string, unknown>,
  lastSeenAt: iso(row.last_seen_at),
});

/**
 * Known users read per statement when loading the reach sample (~1 MB when each has 1 KB of
 * attributes): decoding a page holds the event loop, 20-35 ms at 5,000 users, ~5 ms at 1,000.
 */
export const KNOWN_USER_PAGE_SIZE = 1000;

export class SqlKnownUsers implements KnownUserStore {
  constructor(private readonly db: Db) {}
  async upsert(environmentId: string, users: KnownUser[]) {
    if (users.length === 0) return;
    // One statement, the users as one JSON parameter. DISTINCT ON keeps each key's latest
    // sighting: ON CONFLICT may not touch a row twice in one statement.
    await sql`
      INSERT INTO known_users (environment_id, targeting_key, attributes, last_seen_at)
      SELECT DISTINCT ON ("targetingKey") ${environmentId}, "targetingKey", attributes, "lastSeenAt"
      FROM json_to_recordset(${jsonRows(users)}::json) AS u("targetingKey" text, attributes jsonb, "lastSeenAt" timestamptz)
      ORDER BY "targetingKey", "lastSeenAt" DESC
      ON CONFLICT (environment_id, targeting_key) DO UPDATE SET
        attributes = CASE WHEN excluded.last_seen_at >= known_users.last_seen_at THEN excluded.attributes ELSE known_users.attributes END,
        last_seen_at = greatest(known_users.last_seen_at, excluded.last_seen_at)`.execute(this.db);
  }
  private inEnvironment(environmentId: string) {
    return this.db.selectFrom('known_users').where('environment_id', '=', environmentId);
  }
  async get(environmentId: string, targetingKey: string) {
    const row = await this.inEnvironment(environmentId).selectAll().where('targeting_key', '=', targetingKey).executeTakeFirst();
    return row ? toKnownUser(row) : null;
  }
  async search(environmentId: string, prefix: string | undefined, limit: number) {
    let q = this.inEnvironment(environmentId).selectAll();
    if (prefix) q = q.where('targeting_key', 'like', `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    return (await q.orderBy('last_seen_at', 'desc').limit(limit).execute()).map(toKnownUser);
  }
  async sample(environmentId: string, since: string, limit: number) {
    const from = new Date(since);
    const seen = this.inEnvironment(environmentId).where('last_seen_at', '>=', from);
    const count = await seen.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    const total = Number(count.n);
    // The sample's keys first (a few MB at most), then its users in pages: 100,000 users with
    // their attributes are ~100 MB, and decoding that as one result held the event loop for
    // seconds. Each page is one indexed lookup, and the loop turns while the next is awaited.
    // As one JSON text, not 100,000 rows: decoding that many row objects held the loop ~75 ms.
    const keyQuery = total <= limit ? seen.select('targeting_key') : seen.select('targeting_key').orderBy(sql`random()`).limit(limit);
    const { rows: keyRows } = await sql<{ keys: string | null }>`SELECT json_agg(sample.targeting_key)::text AS keys FROM (${keyQuery}) AS sample`.execute(this.db);
    const keys = JSON.parse(keyRows[0]?.keys ?? '[]') as string[];
    const users: KnownUser[] = [];
    for (let start = 0; start < keys.length; start += KNOWN_USER_PAGE_SIZE) {
      const page = keys.slice(start, start + KNOWN_USER_PAGE_SIZE);
      const { rows } = await sql<{ targeting_key: string; attributes: unknown; last_seen_at: Date }>`
        SELECT targeting_key, attributes, last_seen_at FROM known_users
        WHERE environment_id = ${environmentId} AND targeting_key IN (SELECT json_array_elements_text(${jsonRows(page)}::json))`.execute(this.db);
      for (const row of rows) users.push(toKnownUser(row));
    }
    return { total, users };
  }
}

export class SqlObservedAttributes implements ObservedAttributeStore {
  constructor(private readonly db: Db) {}
  async record(attributes: ObservedAttributeRecord[], maxNames: number) {
    if (attributes.length === 0) return;
    // One statement, the rows as one JSON parameter. Names already kept always update; new ones
    // (first by name) only while fewer than maxNames are kept.
    await sql`
      WITH incoming AS (
        SELECT name, kinds, "lastSeenAt" FROM json_to_recordset(${jsonRows(mergeByName(attributes))}::json) AS a(name text, kinds jsonb, "lastSeenAt" timestamptz)
      ), fresh AS (
        SELECT * FROM incoming i WHERE NOT EXISTS (SELECT 1 FROM observed_attributes o WHERE o.name = i.name)
        ORDER BY name LIMIT greatest(0, ${maxNames}::bigint - (SELECT count(*) FROM observed_attributes))
      )
      INSERT INTO observed_attributes (name, kinds, last_seen_at)
      SELECT name, kinds, "lastSeenAt" FROM incoming i WHERE EXISTS (SELECT 1 FROM observed_attributes o WHERE o.name = i.name)
      UNION ALL SELECT name, kinds, "lastSeenAt" FROM fresh
      ON CONFLICT (name) DO UPDATE SET
        kinds = (SELECT jsonb_agg(DISTINCT k ORDER BY k) FROM jsonb_array_elements_text(observed_attributes.kinds || excluded.kinds) AS k),
        last_seen_at = greatest(observed_attributes.last_seen_at, excluded.last_seen_at)`.execute(this.db);
  }
  async list() {
    const rows = await this.db.selectFrom('observed_attributes').selectAll().orderBy('name').execute();
    return rows.map((row) => ({ name: row.name, kinds: row.kinds as string[], lastSeenAt: iso(row.last_seen_at) }));
  }
}

/** One row per name (ON CONFLICT may not touch a row twice in one statement): kinds united, latest sighting. */
function mergeByName(attributes: ObservedAttributeRecord[]): ObservedAttributeRecord[] {
  const byName = new Map<string, ObservedAttributeRecord>();
  for (const a of attributes) {
    const known = byName.get(a.name);
    if (!known) byName.set(a.name, { ...a, kinds: [...new Set(a.kinds)].sort() });
    else {
      known.kinds = [...new Set([...known.kinds, ...a.kinds])].sort();
      if (a.lastSeenAt > known.lastSeenAt) known.lastSeenAt = a.lastSeenAt;
    }
  }
  return [...byName.values()];
}
