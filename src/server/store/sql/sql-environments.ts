import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { Environment } from '../../../shared/contract/environments';
import type { EnvironmentStore } from '../types';
import type { Database, EnvironmentsTable } from './schema';
import { guardUnique, iso, isoOrNull, jsonRows } from './sql-util';

type Db = Kysely<Database> | Transaction<Database>;

function toEnvironment(row: Selectable<EnvironmentsTable>): Environment {
  return {
    id: row.id,
    key: row.key,
    name: row.name,
    color: row.color,
    position: Number(row.position),
    requiresApproval: row.requires_approval,
    archivedAt: isoOrNull(row.archived_at),
    version: Number(row.version),
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

export class SqlEnvironments implements EnvironmentStore {
  constructor(private readonly db: Db) {}
  async list() {
    const rows = await this.db.selectFrom('environments').selectAll().orderBy('position').orderBy('created_at').execute();
    return rows.map(toEnvironment);
  }
  async getById(id: string) {
    const row = await this.db.selectFrom('environments').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toEnvironment(row) : null;
  }
  async getByKey(key: string) {
    const row = await this.db.selectFrom('environments').selectAll().where('key', '=', key).executeTakeFirst();
    return row ? toEnvironment(row) : null;
  }
  async insert(e: Environment) {
    await guardUnique('key', () =>
      this.db
        .insertInto('environments')
        .values({
          id: e.id,
          key: e.key,
          name: e.name,
          color: e.color,
          position: e.position,
          requires_approval: e.requiresApproval,
          archived_at: e.archivedAt,
          version: e.version,
          created_at: e.createdAt,
          updated_at: e.updatedAt,
        })
        .execute(),
    );
  }
  async update(e: Environment, expectedVersion: number) {
    const row = await this.db
      .updateTable('environments')
      .set({ name: e.name, color: e.color, requires_approval: e.requiresApproval, archived_at: e.archivedAt, version: expectedVersion + 1, updated_at: e.updatedAt })
      .where('id', '=', e.id)
      .where('version', '=', expectedVersion)
      .returningAll()
      .executeTakeFirst();
    return row ? toEnvironment(row) : null;
  }
  async reorder(ids: string[]) {
    await sql`
      UPDATE environments SET position = o.position - 1
      FROM (SELECT value AS id, ordinality AS position FROM json_array_elements_text(${jsonRows(ids)}::json) WITH ORDINALITY) AS o
      WHERE environments.id = o.id`.execute(this.db);
  }
}
