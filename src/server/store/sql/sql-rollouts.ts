import type { Kysely, Transaction } from 'kysely';
import type { Rollout } from '../../../shared/contract/rollouts';
import type { RolloutStore } from '../types';
import type { Database } from './schema';

type Db = Kysely<Database> | Transaction<Database>;

// One JSON document per rollout, with its environment, status and next check time beside it.
export class SqlRollouts implements RolloutStore {
  constructor(private readonly db: Db) {}
  async list(filter: { environmentId?: string; status?: string }) {
    let q = this.db.selectFrom('rollouts').select('doc');
    if (filter.environmentId) q = q.where('environment_id', '=', filter.environmentId);
    if (filter.status) q = q.where('status', '=', filter.status);
    const rows = await q.orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
    return rows.map((row) => row.doc as Rollout);
  }
  async getById(id: string) {
    const row = await this.db.selectFrom('rollouts').select('doc').where('id', '=', id).executeTakeFirst();
    return row ? (row.doc as Rollout) : null;
  }
  async insert(rollout: Rollout) {
    await this.db
      .insertInto('rollouts')
      .values({
        id: rollout.id,
        environment_id: rollout.environmentId,
        status: rollout.status,
        next_check_at: rollout.nextCheckAt,
        doc: JSON.stringify(rollout),
        version: rollout.version,
        created_at: rollout.createdAt,
      })
      .execute();
  }
  async update(rollout: Rollout, expectedVersion: number) {
    const result = await this.db
      .updateTable('rollouts')
      .set({ status: rollout.status, next_check_at: rollout.nextCheckAt, doc: JSON.stringify(rollout), version: rollout.version })
      .where('id', '=', rollout.id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1 ? rollout : null;
  }
  async listDue(now: string) {
    const rows = await this.db
      .selectFrom('rollouts')
      .select('doc')
      .where('status', '=', 'running')
      .where('next_check_at', 'is not', null)
      .where('next_check_at', '<=', new Date(now))
      .orderBy('next_check_at')
      .orderBy('id')
      .execute();
    return rows.map((row) => row.doc as Rollout);
  }
}
