import type { ColumnType, Generated } from 'kysely';

// Kysely's view of the tables that migrations.ts creates. Timestamps arrive as Date from both
// drivers and are written as ISO strings.
type Timestamp = ColumnType<Date, string, string>;
type NullableTimestamp = ColumnType<Date | null, string | null, string | null>;

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  role: string;
  password_hash: string | null;
  invite_token_hash: string | null;
  invite_expires_at: NullableTimestamp;
  disabled: boolean;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: number;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  last_seen_at: Timestamp;
}

export interface ApiTokensTable {
  id: string;
  name: string;
  role: string;
  token_hash: string;
  prefix: string;
  created_by: string | null;
  created_at: Timestamp;
  last_used_at: NullableTimestamp;
  revoked_at: NullableTimestamp;
}

export interface LoginAttemptsTable {
  key: string;
  count: number;
  window_started_at: Timestamp;
}

type Json = ColumnType<unknown, string, string>;

export interface AuditEntriesTable {
  id: string;
  at: Timestamp;
  actor_id: string | null;
  actor_name: string;
  action: string;
  object_type: string;
  object_id: string;
  object_label: string;
  before: ColumnType<unknown, string | null, string | null>;
  after: ColumnType<unknown, string | null, string | null>;
}

export interface ParametersTable {
  id: string;
  key: string;
  name: string;
  description: string;
  tags: Json;
  spec: Json;
  archived_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
  updated_by: string | null;
}

export interface ChangeRequestsTable {
  id: string;
  environment_id: string;
  status: string;
  publish_at: NullableTimestamp;
  doc: Json;
  version: number;
  created_at: Timestamp;
}

/** A guarded rollout (one JSON document) with the columns its queries need. */
export interface RolloutsTable {
  id: string;
  environment_id: string;
  status: string;
  next_check_at: NullableTimestamp;
  doc: Json;
  version: number;
  created_at: Timestamp;
}

/** A parameter's values in one environment. */
export interface ParameterSettingsTable {
  environment_id: string;
  parameter_id: string;
  default_value: Json;
  killed: boolean;
  rules: Json;
  version: number;
  updated_at: Timestamp;
  updated_by: string | null;
}

export interface EnvironmentsTable {
  id: string;
  key: string;
  name: string;
  color: string;
  position: number;
  requires_approval: ColumnType<boolean, boolean | undefined, boolean>;
  config_version: ColumnType<number | string, number | undefined, number>;
  archived_at: NullableTimestamp;
  version: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SegmentsTable {
  id: string;
  name: string;
  description: string;
  definition: Json;
  archived_at: NullableTimestamp;
  version: number;
  created_at: Timestamp;
  updated_at: Timestamp;
  updated_by: string | null;
}

export interface SegmentIdsTable {
  segment_id: string;
  value: string;
}

export interface KnownUsersTable {
  environment_id: string;
  targeting_key: string;
  attributes: Json;
  last_seen_at: Timestamp;
}

export interface ObservedAttributesTable {
  name: string;
  kinds: Json;
  last_seen_at: Timestamp;
}

export interface EventsTable {
  id: string;
  environment_id: ColumnType<string, string | undefined, string>;
  type: string;
  targeting_key: string;
  event: string;
  value: number | null;
  ts: Timestamp;
  properties: ColumnType<unknown, string | null, string | null>;
  received_at: Timestamp;
}

export interface ParameterVersionsTable {
  parameter_id: string;
  environment_id: string;
  version: number;
  action: string;
  snapshot: Json;
  changes: Json;
  restored_from: number | null;
  author_id: string | null;
  author_name: string;
  created_at: Timestamp;
}

export interface SdkKeysTable {
  id: string;
  name: string;
  kind: string;
  environment_id: string;
  allow_events: boolean;
  key_hash: string;
  prefix: string;
  created_by: string | null;
  created_at: Timestamp;
  last_used_at: NullableTimestamp;
  revoked_at: NullableTimestamp;
}

export interface RequestedKeysTable {
  key: string;
  first_seen_at: Timestamp;
  last_seen_at: Timestamp;
  count: ColumnType<number, number, number>;
}

export interface ConfigVersionTable {
  id: number;
  version: ColumnType<number, number, number>;
}

export interface SchemaMigrationsTable {
  version: number;
  name: string;
  applied_at: Generated<Date>;
}

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  login_attempts: LoginAttemptsTable;
  schema_migrations: SchemaMigrationsTable;
  audit_entries: AuditEntriesTable;
  parameters: ParametersTable;
  parameter_settings: ParameterSettingsTable;
  environments: EnvironmentsTable;
  change_requests: ChangeRequestsTable;
  rollouts: RolloutsTable;
  parameter_versions: ParameterVersionsTable;
  sdk_keys: SdkKeysTable;
  requested_keys: RequestedKeysTable;
  config_version: ConfigVersionTable;
  segments: SegmentsTable;
  segment_ids: SegmentIdsTable;
  known_users: KnownUsersTable;
  observed_attributes: ObservedAttributesTable;
  events: EventsTable;
  metrics: MetricsTable;
  experiments: ExperimentsTable;
  exposures: ExposuresTable;
}

export interface MetricsTable {
  id: string;
  key: string;
  doc: Json;
  archived: boolean;
  version: number;
}

export interface ExperimentsTable {
  id: string;
  key: string;
  status: string;
  doc: Json;
  version: number;
}

export interface ExposuresTable {
  experiment_id: string;
  targeting_key: string;
  variant: string;
  first_seen_at: Timestamp;
}
