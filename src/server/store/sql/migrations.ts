import { sql, type Kysely } from 'kysely';
import type { Database } from './schema';

/**
 * Versioned migrations, applied in order at start. Never edit one that has shipped: add the next.
 * Plain Postgres 15 SQL, so PGlite and PostgreSQL run the same statements.
 */
export const migrations: { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'accounts',
    sql: `
      CREATE TABLE users (
        id text PRIMARY KEY,
        email text NOT NULL UNIQUE,
        name text NOT NULL,
        role text NOT NULL CHECK (role IN ('admin', 'editor', 'viewer')),
        password_hash text,
        invite_token_hash text UNIQUE,
        invite_expires_at timestamptz,
        disabled boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        version integer NOT NULL DEFAULT 1
      );
      CREATE TABLE sessions (
        id text PRIMARY KEY,
        user_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        csrf_token text NOT NULL,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        last_seen_at timestamptz NOT NULL
      );
      CREATE INDEX sessions_user_id ON sessions(user_id);
      CREATE INDEX sessions_expires_at ON sessions(expires_at);
      CREATE TABLE api_tokens (
        id text PRIMARY KEY,
        name text NOT NULL,
        role text NOT NULL CHECK (role IN ('admin', 'editor', 'viewer')),
        token_hash text NOT NULL UNIQUE,
        prefix text NOT NULL,
        created_by text REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL,
        last_used_at timestamptz,
        revoked_at timestamptz
      );
    `,
  },
  {
    version: 2,
    name: 'parameters, versions, audit log, sdk keys',
    sql: `
      CREATE TABLE audit_entries (
        id text PRIMARY KEY,
        at timestamptz NOT NULL,
        actor_id text,
        actor_name text NOT NULL,
        action text NOT NULL,
        object_type text NOT NULL,
        object_id text NOT NULL,
        object_label text NOT NULL,
        before jsonb,
        after jsonb
      );
      CREATE INDEX audit_entries_at ON audit_entries(at DESC, id DESC);
      CREATE INDEX audit_entries_object ON audit_entries(object_type, object_id, at DESC);
      CREATE INDEX audit_entries_actor ON audit_entries(actor_id, at DESC);
      CREATE TABLE parameters (
        id text PRIMARY KEY,
        key text NOT NULL UNIQUE,
        name text NOT NULL,
        description text NOT NULL,
        tags jsonb NOT NULL,
        spec jsonb NOT NULL,
        default_value jsonb NOT NULL,
        killed boolean NOT NULL DEFAULT false,
        archived_at timestamptz,
        version integer NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        updated_by text
      );
      CREATE INDEX parameters_type ON parameters((spec->>'type'));
      CREATE INDEX parameters_tags ON parameters USING gin(tags);
      CREATE TABLE parameter_versions (
        parameter_id text NOT NULL REFERENCES parameters(id) ON DELETE CASCADE,
        version integer NOT NULL,
        action text NOT NULL,
        snapshot jsonb NOT NULL,
        changes jsonb NOT NULL,
        restored_from integer,
        author_id text,
        author_name text NOT NULL,
        created_at timestamptz NOT NULL,
        PRIMARY KEY (parameter_id, version)
      );
      CREATE TABLE sdk_keys (
        id text PRIMARY KEY,
        name text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('client', 'server')),
        allow_events boolean NOT NULL DEFAULT false,
        key_hash text NOT NULL UNIQUE,
        prefix text NOT NULL,
        created_by text,
        created_at timestamptz NOT NULL,
        last_used_at timestamptz,
        revoked_at timestamptz
      );
      CREATE TABLE requested_keys (
        key text PRIMARY KEY,
        first_seen_at timestamptz NOT NULL,
        last_seen_at timestamptz NOT NULL,
        count bigint NOT NULL
      );
      CREATE TABLE config_version (
        id integer PRIMARY KEY CHECK (id = 1),
        version bigint NOT NULL
      );
      INSERT INTO config_version (id, version) VALUES (1, 0);
    `,
  },
  {
    version: 3,
    name: 'segments, targeting rules, known users',
    sql: `
      ALTER TABLE parameters ADD COLUMN rules jsonb NOT NULL DEFAULT '[]';
      CREATE TABLE segments (
        id text PRIMARY KEY,
        name text NOT NULL,
        description text NOT NULL,
        definition jsonb NOT NULL,
        archived_at timestamptz,
        version integer NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        updated_by text
      );
      CREATE TABLE segment_ids (
        segment_id text NOT NULL REFERENCES segments(id) ON DELETE CASCADE,
        value text NOT NULL,
        PRIMARY KEY (segment_id, value)
      );
      CREATE TABLE known_users (
        targeting_key text PRIMARY KEY,
        attributes jsonb NOT NULL,
        last_seen_at timestamptz NOT NULL
      );
      CREATE INDEX known_users_last_seen ON known_users(last_seen_at DESC);
      CREATE TABLE observed_attributes (
        name text PRIMARY KEY,
        kinds jsonb NOT NULL,
        last_seen_at timestamptz NOT NULL
      );
    `,
  },
  {
    version: 4,
    name: 'events',
    sql: `
      CREATE TABLE events (
        id text PRIMARY KEY,
        type text NOT NULL CHECK (type IN ('track', 'exposure')),
        targeting_key text NOT NULL,
        event text NOT NULL,
        value double precision,
        ts timestamptz NOT NULL,
        properties jsonb,
        received_at timestamptz NOT NULL
      );
      CREATE INDEX events_event_ts ON events(event, ts);
      CREATE INDEX events_targeting_key ON events(targeting_key, ts);
    `,
  },
  {
    version: 5,
    name: 'experiments',
    sql: `
      CREATE TABLE metrics (
        id text PRIMARY KEY,
        key text NOT NULL UNIQUE,
        doc jsonb NOT NULL,
        archived boolean NOT NULL,
        version integer NOT NULL
      );
      CREATE TABLE experiments (
        id text PRIMARY KEY,
        key text NOT NULL UNIQUE,
        status text NOT NULL,
        doc jsonb NOT NULL,
        version integer NOT NULL
      );
      CREATE INDEX experiments_status ON experiments(status);
      CREATE TABLE exposures (
        experiment_id text NOT NULL,
        targeting_key text NOT NULL,
        variant text NOT NULL,
        first_seen_at timestamptz NOT NULL,
        PRIMARY KEY (experiment_id, targeting_key)
      );
      CREATE INDEX exposures_experiment_time ON exposures(experiment_id, first_seen_at);
    `,
  },
  {
    version: 6,
    name: 'results data version',
    // Results are cached per data version. A sequence bumped once per statement that writes
    // events or exposures gives every replica the same version without a hot counter row:
    // nextval never blocks, and last_value is visible to all sessions at once.
    sql: `
      CREATE SEQUENCE results_data_version;
      SELECT nextval('results_data_version');
      CREATE FUNCTION bump_results_data_version() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM nextval('results_data_version'); RETURN NULL; END $$;
      CREATE TRIGGER events_bump_results AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON events FOR EACH STATEMENT EXECUTE FUNCTION bump_results_data_version();
      CREATE TRIGGER exposures_bump_results AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON exposures FOR EACH STATEMENT EXECUTE FUNCTION bump_results_data_version();
    `,
  },
  {
    version: 7,
    name: 'results rollups',
    // Per-user rollups make results read a few rows per exposed user instead of joining every
    // event: one row per user (metric -1) to count them, and one per metric where the user's
    // quantities are not all zero. Plain float columns: summing array elements was 8× slower.
    // No primary key: a refresh deletes a user's rows before writing them again (under a lock),
    // and a unique btree over two text columns made a rebuild of 1.7M rows cost 16 s (each new
    // key met its own deleted twin), where the hash index finding a touched user costs 5 s.
    // ingest_seq numbers every event and every exposure change in write order, so a refresh
    // recomputes only the users touched since its watermark (see SqlResults.refreshRollups).
    // BRIN suits events.seq: rows arrive in seq order, and the index costs ingest almost nothing.
    sql: `
      CREATE SEQUENCE ingest_seq;
      ALTER TABLE events ADD COLUMN seq bigint NOT NULL DEFAULT nextval('ingest_seq');
      CREATE INDEX events_seq ON events USING brin (seq);
      ALTER TABLE exposures ADD COLUMN seq bigint NOT NULL DEFAULT nextval('ingest_seq');
      CREATE INDEX exposures_experiment_seq ON exposures(experiment_id, seq);
      CREATE TABLE result_rollups (
        experiment_id text NOT NULL,
        targeting_key text NOT NULL,
        metric smallint NOT NULL,
        variant text NOT NULL,
        first_seen_at timestamptz NOT NULL,
        day date NOT NULL,
        m float8 NOT NULL,
        d float8 NOT NULL,
        p float8 NOT NULL
      );
      CREATE INDEX result_rollups_experiment ON result_rollups(experiment_id);
      CREATE INDEX result_rollups_user ON result_rollups USING hash (targeting_key);
      CREATE TABLE result_rollup_state (
        experiment_id text PRIMARY KEY,
        generation text NOT NULL,
        cutoff timestamptz,
        seq bigint NOT NULL,
        refreshed_at timestamptz NOT NULL
      );
    `,
  },
  {
    version: 8,
    name: 'login attempts',
    // Sign-in attempts counted in the database, so that concurrent guesses (and replicas) share
    // one atomic count. Keys are hashes of email and client address, never the plain values.
    sql: `
      CREATE TABLE login_attempts (
        key text PRIMARY KEY,
        count integer NOT NULL,
        window_started_at timestamptz NOT NULL
      );
      CREATE INDEX login_attempts_window_started_at ON login_attempts(window_started_at);
    `,
  },
  {
    version: 9,
    name: 'events partitioned by day',
    // Events partitioned by their time (UTC days), so retention drops whole days (a file each)
    // instead of deleting rows. A unique key of a partitioned table must hold the partition key:
    // (targeting_key, id, ts) still counts a retried batch once, since it repeats the id and the
    // time of each event; targeting_key leads it so the table could be distributed by user
    // (Citus) and so it serves the per-user lookups the (targeting_key, ts) index did.
    // events_before_<day> holds every time before that day: the rows stored before this
    // migration, and events arriving older than the oldest day. events_create_partition adds a
    // day (the scheduler keeps a week ahead; a write that finds no partition adds its own days).
    sql: `
      ALTER TABLE events RENAME TO events_old;
      ALTER TABLE events_old DROP CONSTRAINT events_pkey;
      DROP INDEX events_targeting_key;
      ALTER INDEX events_event_ts RENAME TO events_old_event_ts;
      ALTER INDEX events_seq RENAME TO events_old_seq;
      DROP TRIGGER events_bump_results ON events_old;
      CREATE TABLE events (
        id text NOT NULL,
        type text NOT NULL CONSTRAINT events_type_check CHECK (type IN ('track', 'exposure')),
        targeting_key text NOT NULL,
        event text NOT NULL,
        value double precision,
        ts timestamptz NOT NULL,
        properties jsonb,
        received_at timestamptz NOT NULL,
        seq bigint NOT NULL DEFAULT nextval('ingest_seq'),
        PRIMARY KEY (targeting_key, id, ts)
      ) PARTITION BY RANGE (ts);
      CREATE INDEX events_event_ts ON events(event, ts);
      CREATE INDEX events_seq ON events USING brin (seq);
      CREATE TRIGGER events_bump_results AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON events FOR EACH STATEMENT EXECUTE FUNCTION bump_results_data_version();
      CREATE FUNCTION events_create_partition(day date) RETURNS boolean LANGUAGE plpgsql AS $$
      DECLARE
        name text := 'events_' || to_char(day, 'YYYYMMDD');
      BEGIN
        IF to_regclass(name) IS NOT NULL THEN
          RETURN false;
        END IF;
        EXECUTE format('CREATE TABLE %I PARTITION OF events FOR VALUES FROM (%L) TO (%L)', name, day::timestamp AT TIME ZONE 'UTC', (day + 1)::timestamp AT TIME ZONE 'UTC');
        RETURN true;
      EXCEPTION
        -- Covered by events_before_<day>, or created meanwhile by another writer.
        WHEN invalid_object_definition OR duplicate_table OR unique_violation THEN
          RETURN false;
      END $$;
      DO $$
      DECLARE
        today date := (now() AT TIME ZONE 'UTC')::date;
      BEGIN
        PERFORM events_create_partition(day) FROM (
          SELECT generate_series(today, today + 7, interval '1 day')::date AS day
          UNION SELECT DISTINCT (ts AT TIME ZONE 'UTC')::date FROM events_old WHERE ts >= today::timestamp AT TIME ZONE 'UTC'
        ) AS days;
        INSERT INTO events (id, type, targeting_key, event, value, ts, properties, received_at, seq)
          SELECT id, type, targeting_key, event, value, ts, properties, received_at, seq FROM events_old WHERE ts >= today::timestamp AT TIME ZONE 'UTC';
        DELETE FROM events_old WHERE ts >= today::timestamp AT TIME ZONE 'UTC';
        EXECUTE format('ALTER TABLE events_old RENAME TO %I', 'events_before_' || to_char(today, 'YYYYMMDD'));
        EXECUTE format('ALTER TABLE events ATTACH PARTITION %I FOR VALUES FROM (MINVALUE) TO (%L)', 'events_before_' || to_char(today, 'YYYYMMDD'), today::timestamp AT TIME ZONE 'UTC');
      END $$;
    `,
  },
  {
    version: 10,
    name: 'environments',
    // A parameter's definition stays in parameters; its kill switch, default value, rules and
    // version move to parameter_settings, one row per environment. What existed becomes
    // Production (same values, same version, same history), so every existing SDK key, now a
    // Production key, receives exactly what it did. Staging and Development start as copies.
    sql: `
      CREATE TABLE environments (
        id text PRIMARY KEY,
        key text NOT NULL UNIQUE,
        name text NOT NULL,
        color text NOT NULL,
        position integer NOT NULL,
        archived_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      );
      INSERT INTO environments (id, key, name, color, position, created_at, updated_at) VALUES
        ('production', 'production', 'Production', '#b42318', 0, now(), now()),
        ('staging', 'staging', 'Staging', '#b54708', 1, now(), now()),
        ('development', 'development', 'Development', '#175cd3', 2, now(), now());
      CREATE TABLE parameter_settings (
        environment_id text NOT NULL REFERENCES environments(id),
        parameter_id text NOT NULL REFERENCES parameters(id) ON DELETE CASCADE,
        default_value jsonb NOT NULL,
        killed boolean NOT NULL,
        rules jsonb NOT NULL,
        version integer NOT NULL,
        updated_at timestamptz NOT NULL,
        updated_by text,
        PRIMARY KEY (environment_id, parameter_id)
      );
      CREATE INDEX parameter_settings_parameter ON parameter_settings(parameter_id);
      INSERT INTO parameter_settings (environment_id, parameter_id, default_value, killed, rules, version, updated_at, updated_by)
        SELECT e.id, p.id, p.default_value, p.killed, p.rules, CASE WHEN e.id = 'production' THEN p.version ELSE 1 END, p.updated_at, p.updated_by
        FROM parameters p CROSS JOIN environments e;
      ALTER TABLE parameter_versions ADD COLUMN environment_id text NOT NULL DEFAULT 'production' REFERENCES environments(id);
      ALTER TABLE parameter_versions ALTER COLUMN environment_id DROP DEFAULT;
      ALTER TABLE parameter_versions DROP CONSTRAINT parameter_versions_pkey;
      ALTER TABLE parameter_versions ADD PRIMARY KEY (parameter_id, environment_id, version);
      UPDATE parameter_versions SET snapshot = snapshot || '{"environmentId": "production"}';
      INSERT INTO parameter_versions (parameter_id, environment_id, version, action, snapshot, changes, restored_from, author_id, author_name, created_at)
        SELECT p.id, e.id, 1, 'created',
          jsonb_build_object('id', p.id, 'environmentId', e.id, 'key', p.key, 'name', p.name, 'description', p.description, 'tags', p.tags,
            'spec', p.spec, 'defaultValue', p.default_value, 'killed', p.killed, 'rules', p.rules,
            'archivedAt', to_jsonb(to_char(p.archived_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')), 'version', 1,
            'createdAt', to_char(p.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
            'updatedAt', to_char(p.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'updatedBy', p.updated_by),
          '[]', NULL, NULL, 'Copied from Production', p.updated_at
        FROM parameters p CROSS JOIN environments e WHERE e.id <> 'production';
      ALTER TABLE parameters DROP COLUMN default_value;
      ALTER TABLE parameters DROP COLUMN killed;
      ALTER TABLE parameters DROP COLUMN rules;
      ALTER TABLE parameters DROP COLUMN version;
      ALTER TABLE sdk_keys ADD COLUMN environment_id text NOT NULL DEFAULT 'production' REFERENCES environments(id);
      ALTER TABLE sdk_keys ALTER COLUMN environment_id DROP DEFAULT;
      ALTER TABLE known_users ADD COLUMN environment_id text NOT NULL DEFAULT 'production' REFERENCES environments(id);
      ALTER TABLE known_users ALTER COLUMN environment_id DROP DEFAULT;
      ALTER TABLE known_users DROP CONSTRAINT known_users_pkey;
      ALTER TABLE known_users ADD PRIMARY KEY (environment_id, targeting_key);
      DROP INDEX known_users_last_seen;
      CREATE INDEX known_users_last_seen ON known_users(environment_id, last_seen_at DESC);
      UPDATE experiments SET doc = doc || '{"environmentId": "production"}';
      CREATE INDEX experiments_environment ON experiments((doc->>'environmentId'));
    `,
  },
  {
    version: 11,
    name: 'change requests',
    // A change request is one JSON document (items, reviews, comments) with the columns that
    // queries need beside it: its environment, status and scheduled publish time.
    sql: `
      ALTER TABLE environments ADD COLUMN requires_approval boolean NOT NULL DEFAULT false;
      ALTER TABLE environments ADD COLUMN config_version bigint NOT NULL DEFAULT 0;
      UPDATE environments SET config_version = coalesce((SELECT version FROM config_version WHERE id = 1), 0);
      CREATE TABLE change_requests (
        id text PRIMARY KEY,
        environment_id text NOT NULL REFERENCES environments(id),
        status text NOT NULL CHECK (status IN ('open', 'published', 'discarded')),
        publish_at timestamptz,
        doc jsonb NOT NULL,
        version integer NOT NULL,
        created_at timestamptz NOT NULL
      );
      CREATE INDEX change_requests_environment ON change_requests(environment_id, status, created_at DESC);
      CREATE INDEX change_requests_due ON change_requests(publish_at) WHERE status = 'open' AND publish_at IS NOT NULL;
    `,
  },
  {
    version: 12,
    name: 'events per environment',
    // The environment of the key that sent each event, so an experiment's results count only
    // its own environment's events. A constant default: no rewrite of the stored days.
    sql: `
      ALTER TABLE events ADD COLUMN environment_id text NOT NULL DEFAULT 'production';
    `,
  },
  {
    version: 13,
    name: 'rollouts',
    // A guarded rollout is one JSON document (steps, log, last check) with the columns queries
    // need beside it: its environment, status and when the monitor checks it next.
    sql: `
      CREATE TABLE rollouts (
        id text PRIMARY KEY,
        environment_id text NOT NULL REFERENCES environments(id),
        status text NOT NULL CHECK (status IN ('running', 'paused', 'rolled_back', 'completed')),
        next_check_at timestamptz,
        doc jsonb NOT NULL,
        version integer NOT NULL,
        created_at timestamptz NOT NULL
      );
      CREATE INDEX rollouts_environment ON rollouts(environment_id, status, created_at DESC);
      CREATE INDEX rollouts_due ON rollouts(next_check_at) WHERE status = 'running';
    `,
  },
  {
    version: 14,
    name: 'webhooks',
    // Outgoing webhooks per environment and their delivery queue-and-log. The secret is kept as
    // is: every delivery is signed with it (HMAC), so a digest would not do. The payload is the
    // exact body text, so every attempt sends the same bytes.
    sql: `
      CREATE TABLE webhooks (
        id text PRIMARY KEY,
        environment_id text NOT NULL REFERENCES environments(id),
        url text NOT NULL,
        description text NOT NULL,
        events jsonb NOT NULL,
        active boolean NOT NULL,
        secret text NOT NULL,
        created_at timestamptz NOT NULL,
        created_by text
      );
      CREATE INDEX webhooks_environment ON webhooks(environment_id, created_at);
      CREATE TABLE webhook_deliveries (
        id text PRIMARY KEY,
        webhook_id text NOT NULL REFERENCES webhooks(id) ON DELETE CASCADE,
        event_type text NOT NULL,
        payload text NOT NULL,
        status text NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
        attempts integer NOT NULL,
        next_attempt_at timestamptz,
        last_status integer,
        last_response text,
        created_at timestamptz NOT NULL,
        delivered_at timestamptz
      );
      CREATE INDEX webhook_deliveries_webhook ON webhook_deliveries(webhook_id, created_at DESC);
      CREATE INDEX webhook_deliveries_due ON webhook_deliveries(next_attempt_at) WHERE status = 'pending';
    `,
  },
];

export const LATEST_SCHEMA_VERSION = migrations[migrations.length - 1].version;

export class SchemaTooNewError extends Error {
  constructor(readonly found: number) {
    super(
      `The database schema is at version ${found}, newer than this build of Switchboard knows (${LATEST_SCHEMA_VERSION}). ` +
        'Upgrade Switchboard before starting it on this database.',
    );
  }
}

// Any fixed number: only Switchboard's migrator takes this advisory lock, so two replicas
// starting together migrate one after the other.
const MIGRATION_LOCK_ID = 720_415_001;

/** Applies pending migrations in one transaction; refuses a schema newer than the code. */
export async function migrate(db: Kysely<Database>, target = LATEST_SCHEMA_VERSION): Promise<{ from: number; to: number }> {
  return db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK_ID})`.execute(trx);
    await sql`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`.execute(trx);
    const row = await trx
      .selectFrom('schema_migrations')
      .select((eb) => eb.fn.max('version').as('version'))
      .executeTakeFirst();
    const current = Number(row?.version ?? 0);
    if (current > LATEST_SCHEMA_VERSION) throw new SchemaTooNewError(current);
    for (const migration of migrations) {
      // A target below the latest: tests of a migration start from the schema before it.
      if (migration.version <= current || migration.version > target) continue;
      // One statement at a time: PGlite's extended protocol takes a single statement per query.
      for (const statement of splitStatements(migration.sql)) await sql.raw(statement).execute(trx);
      await trx.insertInto('schema_migrations').values({ version: migration.version, name: migration.name }).execute();
    }
    return { from: current, to: Math.max(current, target) };
  });
}

/** Splits at a `;` ending a line, except inside a $$-quoted body (a function or a DO block). */
function splitStatements(script: string): string[] {
  const statements: string[] = [];
  let current = '';
  for (const line of script.split('\n')) {
    current += `${line}\n`;
    const insideBody = (current.split('$$').length - 1) % 2 === 1;
    if (!insideBody && /;\s*$/.test(line)) {
      statements.push(current.trim().replace(/;$/, ''));
      current = '';
    }
  }
  statements.push(current.trim());
  return statements.filter(Boolean);
}
