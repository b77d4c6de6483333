import { sql, type Kysely, type RawBuilder, type Selectable, type Transaction } from 'kysely';
import type { AuditEntry, AuditObjectType } from '../../../shared/contract/audit';
import type { Parameter, ParameterVersion } from '../../../shared/contract/parameters';
import type { SdkKeyKind } from '../../../shared/contract/sdk-keys';
import type { TypeSpec } from '../../../shared/values/type-spec';
import type {
  AuditQuery,
  AuditStore,
  ConfigVersionStore,
  ParameterQuery,
  ParameterStore,
  ParameterVersionRecord,
  RequestedKeyRecord,
  RequestedKeyStore,
  SdkKeyRecord,
  SdkKeyStore,
} from '../types';
import type { Database, SdkKeysTable } from './schema';
import { guardUnique, iso, isoOrNull, jsonRows } from './sql-util';

type Db = Kysely<Database> | Transaction<Database>;
const json = (value: unknown) => JSON.stringify(value ?? null);

export class SqlAudit implements AuditStore {
  constructor(private readonly db: Db) {}
  async insert(entry: AuditEntry) {
    await this.db
      .insertInto('audit_entries')
      .values({
        id: entry.id,
        at: entry.at,
        actor_id: entry.actorId,
        actor_name: entry.actorName,
        action: entry.action,
        object_type: entry.objectType,
        object_id: entry.objectId,
        object_label: entry.objectLabel,
        before: entry.before === null ? null : json(entry.before),
        after: entry.after === null ? null : json(entry.after),
      })
      .execute();
  }
  async list(query: AuditQuery) {
    let q = this.db.selectFrom('audit_entries').selectAll();
    if (query.objectType) q = q.where('object_type', '=', query.objectType);
    if (query.objectId) q = q.where('object_id', '=', query.objectId);
    if (query.actorId) q = q.where('actor_id', '=', query.actorId);
    if (query.from) q = q.where('at', '>=', new Date(query.from));
    if (query.to) q = q.where('at', '<=', new Date(query.to));
    if (query.before) {
      const { at, id } = query.before;
      q = q.where((eb) => eb.or([eb('at', '<', new Date(at)), eb.and([eb('at', '=', new Date(at)), eb('id', '<', id)])]));
    }
    const rows = await q.orderBy('at', 'desc').orderBy('id', 'desc').limit(query.limit).execute();
    return rows.map(
      (row): AuditEntry => ({
        id: row.id,
        at: iso(row.at),
        actorId: row.actor_id,
        actorName: row.actor_name,
        action: row.action,
        objectType: row.object_type as AuditObjectType,
        objectId: row.object_id,
        objectLabel: row.object_label,
        before: row.before ?? null,
        after: row.after ?? null,
      }),
    );
  }
}

/** A definition joined with one environment's settings (see parameterRows). */
interface ParameterRow {
  id: string;
  environment_id: string;
  key: string;
  name: string;
  description: string;
  tags: unknown;
  spec: unknown;
  default_value: unknown;
  killed: boolean;
  rules: unknown;
  archived_at: Date | null;
  version: number;
  created_at: Date;
  updated_at: Date;
  updated_by: string | null;
  settings_updated_at: Date;
  settings_updated_by: string | null;
}

function toParameter(row: ParameterRow): Parameter {
  // The later of the two changes: a definition edit (name, tags) or this environment's values.
  const settingsLater = new Date(row.settings_updated_at).getTime() >= new Date(row.updated_at).getTime();
  return {
    id: row.id,
    environmentId: row.environment_id,
    key: row.key,
    name: row.name,
    description: row.description,
    tags: row.tags as string[],
    spec: row.spec as TypeSpec,
    defaultValue: row.default_value,
    killed: row.killed,
    rules: (row.rules ?? []) as Parameter['rules'],
    archivedAt: isoOrNull(row.archived_at),
    version: Number(row.version),
    createdAt: iso(row.created_at),
    updatedAt: iso(settingsLater ? row.settings_updated_at : row.updated_at),
    updatedBy: settingsLater ? row.settings_updated_by : row.updated_by,
  };
}

const sortColumns = {
  key: sql`p.key`,
  name: sql`lower(p.name)`,
  type: sql`p.spec->>'type'`,
  updatedAt: sql`greatest(p.updated_at, s.updated_at)`,
} as const;

/** A timestamp as the ISO text the app writes everywhere else (to_jsonb would give "+00:00" and no milliseconds). */
const isoText = (column: RawBuilder<unknown>) => sql`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (char) => `\\${char}`);

export class SqlParameters implements ParameterStore {
  constructor(private readonly db: Db) {}
  /** Definitions joined with their settings in one environment. */
  private rows(environmentId: string) {
    return this.db
      .selectFrom('parameters as p')
      .innerJoin('parameter_settings as s', 's.parameter_id', 'p.id')
      .where('s.environment_id', '=', environmentId)
      .select([
        'p.id',
        's.environment_id',
        'p.key',
        'p.name',
        'p.description',
        'p.tags',
        'p.spec',
        's.default_value',
        's.killed',
        's.rules',
        'p.archived_at',
        's.version',
        'p.created_at',
        'p.updated_at',
        'p.updated_by',
        's.updated_at as settings_updated_at',
        's.updated_by as settings_updated_by',
      ]);
  }
  async list(query: ParameterQuery) {
    let q = this.rows(query.environmentId).where('p.archived_at', query.archived ? 'is not' : 'is', null);
    if (query.type) q = q.where(sql`p.spec->>'type'`, '=', query.type);
    if (query.tag) q = q.where(sql`p.tags`, '@>', sql`${json([query.tag])}::jsonb`);
    if (query.search) {
      const pattern = `%${escapeLike(query.search)}%`;
      q = q.where((eb) => eb.or([eb('p.key', 'ilike', pattern), eb('p.name', 'ilike', pattern), eb('p.description', 'ilike', pattern)]));
    }
    const descending = query.sort.startsWith('-');
    const column = sortColumns[query.sort.replace('-', '') as keyof typeof sortColumns];
    const [rows, count] = await Promise.all([
      q
        .orderBy(column, descending ? 'desc' : 'asc')
        .orderBy('p.key', descending ? 'desc' : 'asc')
        .offset(query.offset)
        .limit(query.limit)
        .execute(),
      q.clearSelect().select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items: rows.map(toParameter), total: Number(count.n) };
  }
  async tags() {
    const rows = await sql<{ tag: string }>`SELECT DISTINCT jsonb_array_elements_text(tags) AS tag FROM parameters ORDER BY tag`.execute(this.db);
    return rows.rows.map((row) => row.tag);
  }
  async listActive(environmentId: string) {
    const rows = await this.rows(environmentId).where('p.archived_at', 'is', null).orderBy('p.key').execute();
    return rows.map(toParameter);
  }
  async getById(id: string, environmentId: string) {
    const row = await this.rows(environmentId).where('p.id', '=', id).executeTakeFirst();
    return row ? toParameter(row) : null;
  }
  async getByIds(ids: string[], environmentId: string) {
    if (ids.length === 0) return [];
    const rows = await this.rows(environmentId).where(sql<boolean>`p.id IN (SELECT json_array_elements_text(${jsonRows(ids)}::json))`).execute();
    return rows.map(toParameter);
  }
  async getByKey(key: string, environmentId: string) {
    const row = await this.rows(environmentId).where('p.key', '=', key).executeTakeFirst();
    return row ? toParameter(row) : null;
  }
  async insert(p: Parameter) {
    await guardUnique('key', () =>
      this.db
        .insertInto('parameters')
        .values({
          id: p.id,
          key: p.key,
          name: p.name,
          description: p.description,
          tags: json(p.tags),
          spec: json(p.spec),
          archived_at: p.archivedAt,
          created_at: p.createdAt,
          updated_at: p.updatedAt,
          updated_by: p.updatedBy,
        })
        .execute(),
    );
    await this.insertSettings(p);
  }
  async insertSettings(p: Parameter) {
    await this.db
      .insertInto('parameter_settings')
      .values({
        environment_id: p.environmentId,
        parameter_id: p.id,
        default_value: json(p.defaultValue),
        killed: p.killed,
        rules: json(p.rules),
        version: p.version,
        updated_at: p.updatedAt,
        updated_by: p.updatedBy,
      })
      .execute();
  }
  async update(p: Parameter, expectedVersion: number) {
    const settings = await this.db
      .updateTable('parameter_settings')
      .set({ default_value: json(p.defaultValue), killed: p.killed, rules: json(p.rules), version: expectedVersion + 1, updated_at: p.updatedAt, updated_by: p.updatedBy })
      .where('environment_id', '=', p.environmentId)
      .where('parameter_id', '=', p.id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    if (Number(settings.numUpdatedRows) !== 1) return null;
    const current = await this.db.selectFrom('parameters').selectAll().where('id', '=', p.id).executeTakeFirstOrThrow();
    const definitionChanged =
      current.name !== p.name ||
      current.description !== p.description ||
      json(current.tags) !== json(p.tags) ||
      json(current.spec) !== json(p.spec) ||
      isoOrNull(current.archived_at) !== p.archivedAt;
    if (definitionChanged) {
      await this.db
        .updateTable('parameters')
        .set({ name: p.name, description: p.description, tags: json(p.tags), spec: json(p.spec), archived_at: p.archivedAt, updated_at: p.updatedAt, updated_by: p.updatedBy })
        .where('id', '=', p.id)
        .execute();
    }
    return this.getById(p.id, p.environmentId);
  }
  async copyEnvironment(fromId: string, toId: string, at: string, authorName: string) {
    await sql`
      INSERT INTO parameter_settings (environment_id, parameter_id, default_value, killed, rules, version, updated_at, updated_by)
      SELECT ${toId}, parameter_id, default_value, killed, rules, 1, ${at}::timestamptz, ${authorName}
      FROM parameter_settings WHERE environment_id = ${fromId}`.execute(this.db);
    await sql`
      INSERT INTO parameter_versions (parameter_id, environment_id, version, action, snapshot, changes, restored_from, author_id, author_name, created_at)
      SELECT p.id, ${toId}, 1, 'created',
        jsonb_build_object('id', p.id, 'environmentId', ${toId}::text, 'key', p.key, 'name', p.name, 'description', p.description, 'tags', p.tags,
          'spec', p.spec, 'defaultValue', s.default_value, 'killed', s.killed, 'rules', s.rules, 'archivedAt', ${isoText(sql`p.archived_at`)},
          'version', 1, 'createdAt', ${isoText(sql`p.created_at`)}, 'updatedAt', ${at}::text, 'updatedBy', ${authorName}::text),
        '[]', NULL, NULL, ${authorName}, ${at}::timestamptz
      FROM parameters p JOIN parameter_settings s ON s.parameter_id = p.id AND s.environment_id = ${fromId}`.execute(this.db);
  }
  async insertVersion(v: ParameterVersionRecord) {
    await this.db
      .insertInto('parameter_versions')
      .values({
        parameter_id: v.parameterId,
        environment_id: v.snapshot.environmentId,
        version: v.version,
        action: v.action,
        snapshot: json(v.snapshot),
        changes: json(v.changes),
        restored_from: v.restoredFrom,
        author_id: v.authorId,
        author_name: v.authorName,
        created_at: v.createdAt,
      })
      .execute();
  }
  async listVersions(parameterId: string, environmentId: string) {
    const rows = await this.db
      .selectFrom('parameter_versions')
      .selectAll()
      .where('parameter_id', '=', parameterId)
      .where('environment_id', '=', environmentId)
      .orderBy('version', 'desc')
      .execute();
    return rows.map(toVersion);
  }
  async getVersion(parameterId: string, environmentId: string, version: number) {
    const row = await this.db
      .selectFrom('parameter_versions')
      .selectAll()
      .where('parameter_id', '=', parameterId)
      .where('environment_id', '=', environmentId)
      .where('version', '=', version)
      .executeTakeFirst();
    return row ? toVersion(row) : null;
  }
}

function toVersion(row: Selectable<Database['parameter_versions']>): ParameterVersion {
  return {
    version: Number(row.version),
    action: row.action as ParameterVersion['action'],
    snapshot: row.snapshot as Parameter,
    changes: row.changes as ParameterVersion['changes'],
    restoredFrom: row.restored_from,
    authorId: row.author_id,
    authorName: row.author_name,
    createdAt: iso(row.created_at),
  };
}

function toSdkKey(row: Selectable<SdkKeysTable>): SdkKeyRecord {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as SdkKeyKind,
    environmentId: row.environment_id,
    allowEvents: row.allow_events,
    keyHash: row.key_hash,
    prefix: row.prefix,
    createdBy: row.created_by,
    createdAt: iso(row.created_at),
    lastUsedAt: isoOrNull(row.last_used_at),
    revokedAt: isoOrNull(row.revoked_at),
  };
}

export class SqlSdkKeys implements SdkKeyStore {
  constructor(private readonly db: Db) {}
  async insert(k: SdkKeyRecord) {
    await guardUnique('keyHash', () =>
      this.db
        .insertInto('sdk_keys')
        .values({
          id: k.id,
          name: k.name,
          kind: k.kind,
          environment_id: k.environmentId,
          allow_events: k.allowEvents,
          key_hash: k.keyHash,
          prefix: k.prefix,
          created_by: k.createdBy,
          created_at: k.createdAt,
          last_used_at: k.lastUsedAt,
          revoked_at: k.revokedAt,
        })
        .execute(),
    );
  }
  async list() {
    return (await this.db.selectFrom('sdk_keys').selectAll().orderBy('created_at', 'desc').execute()).map(toSdkKey);
  }
  async getByHash(keyHash: string) {
    const row = await this.db.selectFrom('sdk_keys').selectAll().where('key_hash', '=', keyHash).executeTakeFirst();
    return row ? toSdkKey(row) : null;
  }
  async revoke(id: string, at: string) {
    const row = await this.db
      .updateTable('sdk_keys')
      .set({ revoked_at: sql`coalesce(revoked_at, ${at}::timestamptz)` })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
    return row ? toSdkKey(row) : null;
  }
  async touch(id: string, at: string) {
    await this.db.updateTable('sdk_keys').set({ last_used_at: at }).where('id', '=', id).execute();
  }
}

export class SqlRequestedKeys implements RequestedKeyStore {
  constructor(private readonly db: Db) {}
  async record(sightings: RequestedKeyRecord[]) {
    if (sightings.length === 0) return;
    // One statement, the rows as one JSON parameter (see jsonRows), one row per key.
    await sql`
      INSERT INTO requested_keys (key, first_seen_at, last_seen_at, count)
      SELECT key, "firstSeenAt", "lastSeenAt", count
      FROM json_to_recordset(${jsonRows(mergeByKey(sightings))}::json) AS s(key text, "firstSeenAt" timestamptz, "lastSeenAt" timestamptz, count bigint)
      ON CONFLICT (key) DO UPDATE SET
        count = requested_keys.count + excluded.count,
        first_seen_at = least(requested_keys.first_seen_at, excluded.first_seen_at),
        last_seen_at = greatest(requested_keys.last_seen_at, excluded.last_seen_at)`.execute(this.db);
  }
  async list() {
    const rows = await this.db.selectFrom('requested_keys').selectAll().orderBy('last_seen_at', 'desc').execute();
    return rows.map((row) => ({ key: row.key, firstSeenAt: iso(row.first_seen_at), lastSeenAt: iso(row.last_seen_at), count: Number(row.count) }));
  }
  async delete(keys: string[]) {
    if (keys.length === 0) return;
    await sql`DELETE FROM requested_keys WHERE key IN (SELECT json_array_elements_text(${jsonRows(keys)}::json))`.execute(this.db);
  }
}

export class SqlConfigVersion implements ConfigVersionStore {
  constructor(private readonly db: Db) {}
  async get() {
    const row = await this.db.selectFrom('config_version').select('version').where('id', '=', 1).executeTakeFirst();
    return Number(row?.version ?? 0);
  }
  async getFor(environmentId: string) {
    const row = await this.db.selectFrom('environments').select('config_version').where('id', '=', environmentId).executeTakeFirst();
    return Number(row?.config_version ?? 0);
  }
  async bump(environmentId?: string) {
    // An upsert, so an emptied table (tests truncate everything) starts counting again.
    const row = await this.db
      .insertInto('config_version')
      .values({ id: 1, version: 1 })
      .onConflict((oc) => oc.column('id').doUpdateSet({ version: sql`config_version.version + 1` }))
      .returning('version')
      .executeTakeFirstOrThrow();
    const version = Number(row.version);
    let marked = this.db.updateTable('environments').set({ config_version: version });
    if (environmentId) marked = marked.where('id', '=', environmentId);
    await marked.execute();
    return version;
  }
}

/** One row per key (ON CONFLICT may not touch a row twice in one statement): counts added, times widened. */
function mergeByKey(sightings: RequestedKeyRecord[]): RequestedKeyRecord[] {
  const byKey = new Map<string, RequestedKeyRecord>();
  for (const s of sightings) {
    const known = byKey.get(s.key);
    if (!known) byKey.set(s.key, { ...s });
    else {
      known.count += s.count;
      if (s.firstSeenAt < known.firstSeenAt) known.firstSeenAt = s.firstSeenAt;
      if (s.lastSeenAt > known.lastSeenAt) known.lastSeenAt = s.lastSeenAt;
    }
  }
  return [...byKey.values()];
}
