import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { Role } from '../../../shared/contract/auth';
import type { ResultsStore, EventStore, ExperimentStore, ExposureStore, MetricStore, KnownUserStore, ObservedAttributeStore, SegmentStore, ApiTokenRecord, ApiTokenStore, AuditStore, LoginAttemptStore, ConfigVersionStore, ChangeRequestStore, RolloutStore, EnvironmentStore, ParameterStore, RequestedKeyStore, SdkKeyStore, SessionRecord, SessionStore, Store, StoreKind, UserPatch, UserRecord, UserStore } from '../types';
import type { ApiTokensTable, Database, SessionsTable, UsersTable } from './schema';
import { SqlAudit, SqlConfigVersion, SqlParameters, SqlRequestedKeys, SqlSdkKeys } from './sql-content';
import { SqlEnvironments } from './sql-environments';
import { SqlChangeRequests } from './sql-change-requests';
import { SqlRollouts } from './sql-rollouts';
import { SqlWebhooks } from './sql-webhooks';
import type { WebhookStore } from '../types';
import { MAX_BIND_PARAMETERS, ParameterBudgetPlugin } from './parameter-budget';
import { guardUnique, inTransaction, iso, isoOrNull } from './sql-util';
import { SqlEvents } from './sql-events';
import type { EventCopier } from './sql-events-copy';
import { SqlLoginAttempts } from './sql-login-attempts';
import { SqlResults } from './sql-results';
import { SqlBehaviour } from './sql-behaviour';
import type { BehaviourStore } from '../../modules/behaviour/behaviour-store';
import { SqlExperiments, SqlExposures, SqlMetrics } from './sql-experiments';
import { SqlKnownUsers, SqlObservedAttributes, SqlSegments } from './sql-audiences';

type Db = Kysely<Database> | Transaction<Database>;

function toUser(row: Selectable<UsersTable>): UserRecord {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role as Role,
    passwordHash: row.password_hash,
    inviteTokenHash: row.invite_token_hash,
    inviteExpiresAt: isoOrNull(row.invite_expires_at),
    disabled: row.disabled,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    version: Number(row.version),
  };
}

class SqlUsers implements UserStore {
  constructor(private readonly db: Db) {}
  async count() {
    const row = await this.db.selectFrom('users').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }
  async countActiveAdmins() {
    const row = await this.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('role', '=', 'admin')
      .where('disabled', '=', false)
      .where('password_hash', 'is not', null)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
  async list() {
    const rows = await this.db.selectFrom('users').selectAll().orderBy('created_at').orderBy('email').execute();
    return rows.map(toUser);
  }
  async getById(id: string) {
    const row = await this.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toUser(row) : null;
  }
  async getByEmail(email: string) {
    const row = await this.db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
    return row ? toUser(row) : null;
  }
  async getByInviteTokenHash(tokenHash: string) {
    const row = await this.db.selectFrom('users').selectAll().where('invite_token_hash', '=', tokenHash).executeTakeFirst();
    return row ? toUser(row) : null;
  }
  async insert(user: UserRecord) {
    await guardUnique('email', () => this.db.insertInto('users').values(userRow(user)).execute());
  }
  async insertFirst(user: UserRecord) {
    // The advisory lock serialises concurrent first-run setups; the count then decides.
    return inTransaction(this.db, async (trx) => {
      await sql`SELECT pg_advisory_xact_lock(720415002)`.execute(trx);
      if ((await new SqlUsers(trx).count()) > 0) return false;
      await trx.insertInto('users').values(userRow(user)).execute();
      return true;
    });
  }
  async update(id: string, patch: UserPatch) {
    const row = await this.db
      .updateTable('users')
      .set({
        ...(patch.name !== undefined && { name: patch.name }),
        ...(patch.role !== undefined && { role: patch.role }),
        ...(patch.passwordHash !== undefined && { password_hash: patch.passwordHash }),
        ...(patch.inviteTokenHash !== undefined && { invite_token_hash: patch.inviteTokenHash }),
        ...(patch.inviteExpiresAt !== undefined && { invite_expires_at: patch.inviteExpiresAt }),
        ...(patch.disabled !== undefined && { disabled: patch.disabled }),
        updated_at: patch.updatedAt,
        version: sql`version + 1`,
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
    return row ? toUser(row) : null;
  }
  async consumeInvite(tokenHash: string, now: string, accepted: { name: string; passwordHash: string }) {
    // A concurrent accept waits for this row's lock, then finds invite_token_hash cleared: no row.
    const row = await this.db
      .updateTable('users')
      .set({ name: accepted.name, password_hash: accepted.passwordHash, invite_token_hash: null, invite_expires_at: null, updated_at: now, version: sql`version + 1` })
      .where('invite_token_hash', '=', tokenHash)
      .where('invite_expires_at', '>', new Date(now))
      .where('disabled', '=', false)
      .returningAll()
      .executeTakeFirst();
    return row ? toUser(row) : null;
  }
}

function userRow(user: UserRecord) {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    password_hash: user.passwordHash,
    invite_token_hash: user.inviteTokenHash,
    invite_expires_at: user.inviteExpiresAt,
    disabled: user.disabled,
    created_at: user.createdAt,
    updated_at: user.updatedAt,
    version: user.version,
  };
}

function toSession(row: Selectable<SessionsTable>): SessionRecord {
  return {
    id: row.id,
    userId: row.user_id,
    csrfToken: row.csrf_token,
    createdAt: iso(row.created_at),
    expiresAt: iso(row.expires_at),
    lastSeenAt: iso(row.last_seen_at),
  };
}

class SqlSessions implements SessionStore {
  constructor(private readonly db: Db) {}
  async insert(session: SessionRecord) {
    await this.db
      .insertInto('sessions')
      .values({
        id: session.id,
        user_id: session.userId,
        csrf_token: session.csrfToken,
        created_at: session.createdAt,
        expires_at: session.expiresAt,
        last_seen_at: session.lastSeenAt,
      })
      .execute();
  }
  async get(id: string) {
    const row = await this.db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toSession(row) : null;
  }
  async touch(id: string, lastSeenAt: string, expiresAt: string) {
    await this.db.updateTable('sessions').set({ last_seen_at: lastSeenAt, expires_at: expiresAt }).where('id', '=', id).execute();
  }
  async delete(id: string) {
    await this.db.deleteFrom('sessions').where('id', '=', id).execute();
  }
  async deleteForUser(userId: string) {
    await this.db.deleteFrom('sessions').where('user_id', '=', userId).execute();
  }
  async deleteExpired(now: string) {
    const result = await this.db.deleteFrom('sessions').where('expires_at', '<=', new Date(now)).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}

function toApiToken(row: Selectable<ApiTokensTable>): ApiTokenRecord {
  return {
    id: row.id,
    name: row.name,
    role: row.role as Role,
    tokenHash: row.token_hash,
    prefix: row.prefix,
    createdBy: row.created_by,
    createdAt: iso(row.created_at),
    lastUsedAt: isoOrNull(row.last_used_at),
    revokedAt: isoOrNull(row.revoked_at),
  };
}

class SqlApiTokens implements ApiTokenStore {
  constructor(private readonly db: Db) {}
  async insert(token: ApiTokenRecord) {
    await guardUnique('tokenHash', () =>
      this.db
        .insertInto('api_tokens')
        .values({
          id: token.id,
          name: token.name,
          role: token.role,
          token_hash: token.tokenHash,
          prefix: token.prefix,
          created_by: token.createdBy,
          created_at: token.createdAt,
          last_used_at: token.lastUsedAt,
          revoked_at: token.revokedAt,
        })
        .execute(),
    );
  }
  async list() {
    const rows = await this.db.selectFrom('api_tokens').selectAll().orderBy('created_at', 'desc').execute();
    return rows.map(toApiToken);
  }
  async getById(id: string) {
    const row = await this.db.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toApiToken(row) : null;
  }
  async getByHash(tokenHash: string) {
    const row = await this.db.selectFrom('api_tokens').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
    return row ? toApiToken(row) : null;
  }
  async revoke(id: string, at: string) {
    const row = await this.db
      .updateTable('api_tokens')
      .set({ revoked_at: sql`coalesce(revoked_at, ${at}::timestamptz)` })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
    return row ? toApiToken(row) : null;
  }
  async touch(id: string, at: string) {
    await this.db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
  }
  async getWithCreatorByHash(tokenHash: string) {
    const row = await this.db
      .selectFrom('api_tokens')
      .leftJoin('users', 'users.id', 'api_tokens.created_by')
      .selectAll('api_tokens')
      .select(['users.role as creator_role', sql<boolean>`users.disabled = false AND users.password_hash IS NOT NULL`.as('creator_active')])
      .where('api_tokens.token_hash', '=', tokenHash)
      .executeTakeFirst();
    if (!row) return null;
    const { creator_role, creator_active, ...token } = row;
    return { token: toApiToken(token), creator: creator_role === null ? null : { role: creator_role as Role, active: creator_active === true } };
  }
}

/** The store interfaces over Kysely: one SQL dialect for PGlite and PostgreSQL. */
export class SqlStore implements Store {
  readonly users: UserStore;
  readonly sessions: SessionStore;
  readonly apiTokens: ApiTokenStore;
  readonly loginAttempts: LoginAttemptStore;
  readonly audit: AuditStore;
  readonly environments: EnvironmentStore;
  readonly changeRequests: ChangeRequestStore;
  readonly rollouts: RolloutStore;
  readonly parameters: ParameterStore;
  readonly sdkKeys: SdkKeyStore;
  readonly requestedKeys: RequestedKeyStore;
  readonly configVersion: ConfigVersionStore;
  readonly segments: SegmentStore;
  readonly knownUsers: KnownUserStore;
  readonly observedAttributes: ObservedAttributeStore;
  readonly events: EventStore;
  readonly metrics: MetricStore;
  readonly experiments: ExperimentStore;
  readonly exposures: ExposureStore;
  readonly results: ResultsStore;
  readonly behaviour: BehaviourStore;
  readonly webhooks: WebhookStore;

  private readonly db: Db;

  constructor(
    readonly kind: Exclude<StoreKind, 'memory'>,
    db: Db,
    private readonly onClose: () => Promise<void> = async () => {},
    copier: EventCopier | null = null,
  ) {
    // A transaction inherits the budget from the store that began it.
    this.db = db.isTransaction ? db : db.withPlugin(new ParameterBudgetPlugin(MAX_BIND_PARAMETERS[kind]));
    this.users = new SqlUsers(this.db);
    this.sessions = new SqlSessions(this.db);
    this.apiTokens = new SqlApiTokens(this.db);
    this.loginAttempts = new SqlLoginAttempts(this.db);
    this.audit = new SqlAudit(this.db);
    this.environments = new SqlEnvironments(this.db);
    this.changeRequests = new SqlChangeRequests(this.db);
    this.rollouts = new SqlRollouts(this.db);
    this.parameters = new SqlParameters(this.db);
    this.sdkKeys = new SqlSdkKeys(this.db);
    this.requestedKeys = new SqlRequestedKeys(this.db);
    this.configVersion = new SqlConfigVersion(this.db);
    this.segments = new SqlSegments(this.db);
    this.knownUsers = new SqlKnownUsers(this.db);
    this.observedAttributes = new SqlObservedAttributes(this.db);
    this.events = new SqlEvents(this.db, copier);
    this.metrics = new SqlMetrics(this.db);
    this.experiments = new SqlExperiments(this.db);
    this.exposures = new SqlExposures(this.db);
    this.results = new SqlResults(this.db);
    this.behaviour = new SqlBehaviour(this.db);
    this.webhooks = new SqlWebhooks(this.db);
  }

  get kysely(): Db {
    return this.db;
  }

  transaction<T>(fn: (store: Store) => Promise<T>): Promise<T> {
    return inTransaction(this.db, (trx) => fn(new SqlStore(this.kind, trx)));
  }

  withJobLock<T>(job: string, fn: (store: Store) => Promise<T>): Promise<T | null> {
    return inTransaction(this.db, async (trx) => {
      // Transaction-scoped: released at commit or rollback, even if this replica dies mid-job.
      const lock = await sql<{ locked: boolean }>`SELECT pg_try_advisory_xact_lock(hashtext(${'switchboard.job.' + job})) AS locked`.execute(trx);
      if (!lock.rows[0]?.locked) return null;
      return fn(new SqlStore(this.kind, trx));
    });
  }

  async ping() {
    await sql`SELECT 1`.execute(this.db);
  }

  async close() {
    await this.onClose();
  }
}
