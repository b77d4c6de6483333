import type { Kysely, Transaction } from 'kysely';
import type { ChangeRequestStore, ChangeRequestRecord } from '../types';
import type { Database } from './schema';

type Db = Kysely<Database> | Transaction<Database>;

// One JSON document per change request, with its environment, status and publish time beside it.
export class SqlChangeRequests implements ChangeRequestStore {
  constructor(private readonly db: Db) {}
  async list(filter: { environmentId?: string; status?: string }) {
    let q = this.db.selectFrom('change_requests').select('doc');
    if (filter.environmentId) q = q.where('environment_id', '=', filter.environmentId);
    if (filter.status) q = q.where('status', '=', filter.status);
    const rows = await q.orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
    return rows.map((row) => row.doc as ChangeRequestRecord);
  }
  async getById(id: string) {
    const row = await this.db.selectFrom('change_requests').select('doc').where('id', '=', id).executeTakeFirst();
    return row ? (row.doc as ChangeRequestRecord) : null;
  }
  async insert(request: ChangeRequestRecord) {
    await this.db
      .insertInto('change_requests')
      .values({
        id: request.id,
        environment_id: request.environmentId,
        status: request.status,
        publish_at: request.publishAt,
        doc: JSON.stringify(request),
        version: request.version,
        created_at: request.createdAt,
      })
      .execute();
  }
  async update(request: ChangeRequestRecord, expectedVersion: number) {
    const result = await this.db
      .updateTable('change_requests')
      .set({ status: request.status, publish_at: request.publishAt, doc: JSON.stringify(request), version: request.version })
      .where('id', '=', request.id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1 ? request : null;
  }
  async listDue(now: string) {
    const rows = await this.db
      .selectFrom('change_requests')
      .select('doc')
      .where('status', '=', 'open')
      .where('publish_at', 'is not', null)
      .where('publish_at', '<=', new Date(now))
      .orderBy('publish_at')
      .execute();
    return rows.map((row) => row.doc as ChangeRequestRecord);
  }
}
