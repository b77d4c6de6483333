import type { Role } from '../../shared/contract/auth';
import type { ChangeRequest, ChangeRequestStatus } from '../../shared/contract/change-requests';
import type { Environment } from '../../shared/contract/environments';
import type { Experiment, ExperimentStatus } from '../../shared/contract/experiments';
import type { Rollout, RolloutStatus } from '../../shared/contract/rollouts';
import type { Metric } from '../../shared/contract/metrics';
import type { AuditEntry, AuditObjectType } from '../../shared/contract/audit';
import type { Parameter, ParameterVersion } from '../../shared/contract/parameters';
import type { SdkKey } from '../../shared/contract/sdk-keys';
import type { Webhook, WebhookDelivery } from '../../shared/contract/webhooks';
import type { KnownUser, Segment } from '../../shared/contract/segments';
import type { ParameterType } from '../../shared/values/type-spec';
import type { BehaviourStore } from '../modules/behaviour/behaviour-store';

// Store interfaces: one per domain object. The memory store (tests, browser mock) and the
// SQL store (PGlite, PostgreSQL) implement the same contract, proven by store.contract.ts.
// Timestamps are ISO-8601 strings in UTC.

export interface UserRecord {
  id: string;
  email: string;
  name: string;
  role: Role;
  passwordHash: string | null;
  inviteTokenHash: string | null;
  inviteExpiresAt: string | null;
  disabled: boolean;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export type UserPatch = Partial<Pick<UserRecord, 'name' | 'role' | 'passwordHash' | 'inviteTokenHash' | 'inviteExpiresAt' | 'disabled'>> & {
  updatedAt: string;
};

export interface UserStore {
  count(): Promise<number>;
  countActiveAdmins(): Promise<number>;
  list(): Promise<UserRecord[]>;
  getById(id: string): Promise<UserRecord | null>;
  getByEmail(email: string): Promise<UserRecord | null>;
  getByInviteTokenHash(tokenHash: string): Promise<UserRecord | null>;
  /** Throws UniqueViolation('email') when the email is taken. */
  insert(user: UserRecord): Promise<void>;
  /** Inserts only while no user exists at all (first-run setup); false when someone got there first. */
  insertFirst(user: UserRecord): Promise<boolean>;
  /** Applies the patch and bumps the version; null when the user does not exist. */
  update(id: string, patch: UserPatch): Promise<UserRecord | null>;
  /**
   * Atomically uses up an invite: sets the name and password and clears the invite, only while the
   * invite is unused, unexpired (after `now`) and the account enabled. null when it was not (or
   * another request used it first), so one invite gives one account and one session.
   */
  consumeInvite(tokenHash: string, now: string, accepted: { name: string; passwordHash: string }): Promise<UserRecord | null>;
}

export interface SessionRecord {
  /** SHA-256 of the cookie secret: the secret itself is never stored. */
  id: string;
  userId: string;
  csrfToken: string;
  createdAt: string;
  expiresAt: string;
  lastSeenAt: string;
}

export interface SessionStore {
  insert(session: SessionRecord): Promise<void>;
  get(id: string): Promise<SessionRecord | null>;
  touch(id: string, lastSeenAt: string, expiresAt: string): Promise<void>;
  delete(id: string): Promise<void>;
  deleteForUser(userId: string): Promise<void>;
  deleteExpired(now: string): Promise<number>;
}

export interface ApiTokenRecord {
  id: string;
  name: string;
  role: Role;
  tokenHash: string;
  prefix: string;
  createdBy: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface ApiTokenStore {
  insert(token: ApiTokenRecord): Promise<void>;
  list(): Promise<ApiTokenRecord[]>;
  getById(id: string): Promise<ApiTokenRecord | null>;
  getByHash(tokenHash: string): Promise<ApiTokenRecord | null>;
  revoke(id: string, at: string): Promise<ApiTokenRecord | null>;
  touch(id: string, at: string): Promise<void>;
  /** The token with its creator's current standing, in one lookup: what authenticating a request needs. */
  getWithCreatorByHash(tokenHash: string): Promise<ApiTokenWithCreator | null>;
}

export interface ApiTokenWithCreator {
  token: ApiTokenRecord;
  /** null when the creator's account is gone. `active`: enabled and has a password. */
  creator: { role: Role; active: boolean } | null;
}

/**
 * Sign-in attempts counted per key in fixed windows that start at a key's first attempt. hit() is
 * one atomic increment, so concurrent attempts can never all read the same count.
 */
export interface LoginAttemptStore {
  /** Counts one attempt; starts a new window when the key's last one began `windowMs` or more before `now`. */
  hit(key: string, now: string, windowMs: number): Promise<{ count: number; windowStartedAt: string }>;
  clear(key: string): Promise<void>;
  /** Forgets windows that started before `before`; returns how many. */
  deleteStartedBefore(before: string): Promise<number>;
}

export interface AuditQuery {
  objectType?: AuditObjectType;
  objectId?: string;
  actorId?: string;
  from?: string;
  to?: string;
  /** Entries strictly older than this (at, id) position: keyset pagination, newest first. */
  before?: { at: string; id: string };
  limit: number;
}

export interface AuditStore {
  insert(entry: AuditEntry): Promise<void>;
  list(query: AuditQuery): Promise<AuditEntry[]>;
}

export interface ParameterQuery {
  environmentId: string;
  search?: string;
  type?: ParameterType;
  tag?: string;
  sort: 'key' | 'name' | 'type' | 'updatedAt' | '-key' | '-name' | '-type' | '-updatedAt';
  archived: boolean;
  offset: number;
  limit: number;
}

export type ParameterVersionRecord = ParameterVersion & { parameterId: string };

/**
 * Parameters as environments see them: a definition (key, name, description, tags, spec,
 * archived) shared by all, and per environment the kill switch, default value, rules and version.
 * Every read names the environment; writes use `parameter.environmentId`.
 */
export interface ParameterStore {
  list(query: ParameterQuery): Promise<{ items: Parameter[]; total: number }>;
  /** Every tag in use, for the filter. */
  tags(): Promise<string[]>;
  /** Every parameter that apps can read (not archived) in one environment: its evaluation snapshot. */
  listActive(environmentId: string): Promise<Parameter[]>;
  getById(id: string, environmentId: string): Promise<Parameter | null>;
  getByIds(ids: string[], environmentId: string): Promise<Parameter[]>;
  getByKey(key: string, environmentId: string): Promise<Parameter | null>;
  /** A new definition with its settings in `parameter.environmentId`. Throws UniqueViolation('key') when the key is taken. */
  insert(parameter: Parameter): Promise<void>;
  /** Settings in `parameter.environmentId` for a definition that exists already. */
  insertSettings(parameter: Parameter): Promise<void>;
  /**
   * Saves the definition and the settings in `parameter.environmentId`, compare-and-set on that
   * environment's version: null when the stored version is not `expectedVersion`.
   */
  update(parameter: Parameter, expectedVersion: number): Promise<Parameter | null>;
  /** A new environment's start: every parameter's settings copied from another, each at version 1 with its history entry. */
  copyEnvironment(fromId: string, toId: string, at: string, authorName: string): Promise<void>;
  insertVersion(version: ParameterVersionRecord): Promise<void>;
  listVersions(parameterId: string, environmentId: string): Promise<ParameterVersion[]>;
  getVersion(parameterId: string, environmentId: string, version: number): Promise<ParameterVersion | null>;
}

/** A change request as stored: `approved` is worked out on reading (it depends on the environment). */
export type ChangeRequestRecord = Omit<ChangeRequest, 'approved'>;

export interface ChangeRequestStore {
  /** Newest first. */
  list(filter: { environmentId?: string; status?: ChangeRequestStatus }): Promise<ChangeRequestRecord[]>;
  getById(id: string): Promise<ChangeRequestRecord | null>;
  insert(request: ChangeRequestRecord): Promise<void>;
  /** Compare-and-set on the version: null when the stored version is not `expectedVersion`. */
  update(request: ChangeRequestRecord, expectedVersion: number): Promise<ChangeRequestRecord | null>;
  /** Open requests whose publish time has come, oldest time first. */
  listDue(now: string): Promise<ChangeRequestRecord[]>;
}

/** Guarded rollouts: one document each, with environment, status and next check time queryable. */
export interface RolloutStore {
  /** Newest first. */
  list(filter: { environmentId?: string; status?: RolloutStatus }): Promise<Rollout[]>;
  getById(id: string): Promise<Rollout | null>;
  insert(rollout: Rollout): Promise<void>;
  /** Compare-and-set on the version: null when the stored version is not `expectedVersion`. */
  update(rollout: Rollout, expectedVersion: number): Promise<Rollout | null>;
  /** Running rollouts whose next check is due at `now`, the longest due first. */
  listDue(now: string): Promise<Rollout[]>;
}

export interface EnvironmentStore {
  /** Every environment, archived ones too, by position. */
  list(): Promise<Environment[]>;
  getById(id: string): Promise<Environment | null>;
  getByKey(key: string): Promise<Environment | null>;
  /** Throws UniqueViolation('key') when the key is taken. */
  insert(environment: Environment): Promise<void>;
  /** Compare-and-set on the version; bumps it. */
  update(environment: Environment, expectedVersion: number): Promise<Environment | null>;
  /** Positions 0..n-1 in the order given. */
  reorder(ids: string[]): Promise<void>;
}

export type SdkKeyRecord = SdkKey & { keyHash: string };

export interface SdkKeyStore {
  insert(key: SdkKeyRecord): Promise<void>;
  list(): Promise<SdkKeyRecord[]>;
  getByHash(keyHash: string): Promise<SdkKeyRecord | null>;
  revoke(id: string, at: string): Promise<SdkKeyRecord | null>;
  touch(id: string, at: string): Promise<void>;
}

export interface RequestedKeyRecord {
  key: string;
  firstSeenAt: string;
  lastSeenAt: string;
  count: number;
}

export interface RequestedKeyStore {
  /** Adds sightings: counts add up, first/last seen widen. */
  record(sightings: RequestedKeyRecord[]): Promise<void>;
  list(): Promise<RequestedKeyRecord[]>;
  delete(keys: string[]): Promise<void>;
}

/** A counter bumped by every change that affects what apps receive; replicas poll it to drop caches. */
export interface ConfigVersionStore {
  /** The workspace's counter: every change anywhere bumps it (replicas poll it to drop caches). */
  get(): Promise<number>;
  /**
   * The counter's value at the last change to what one environment's apps receive: the OFREP
   * body's configVersion, so a change in Staging leaves Production's bytes and ETags alone.
   */
  getFor(environmentId: string): Promise<number>;
  /** Bumps the counter and marks the environments whose answers change: the one named, or all. */
  bump(environmentId?: string): Promise<number>;
}

/** A segment as stored: id lists live in their own table, the row only counts them. */
export type SegmentRecord = Omit<Segment, 'compiled'>;

export interface SegmentStore {
  list(archived: boolean): Promise<SegmentRecord[]>;
  getById(id: string): Promise<SegmentRecord | null>;
  /** `ids` (for id-list segments) are stored with it. */
  insert(segment: SegmentRecord, ids?: string[]): Promise<void>;
  /** Compare-and-set on the version; `ids`, when given, replace the stored list. */
  update(segment: SegmentRecord, expectedVersion: number, ids?: string[]): Promise<SegmentRecord | null>;
  getIds(segmentId: string): Promise<string[]>;
}

/** Users apps evaluated for, per environment (the SDK key's). */
export interface KnownUserStore {
  /** Latest attributes and last-seen time per targetingKey; later sightings win. */
  upsert(environmentId: string, users: KnownUser[]): Promise<void>;
  get(environmentId: string, targetingKey: string): Promise<KnownUser | null>;
  /** Most recently seen first, optionally only keys starting with `prefix`. */
  search(environmentId: string, prefix: string | undefined, limit: number): Promise<KnownUser[]>;
  /** Users seen since `since`: how many, and a uniform random sample of at most `limit` of them. */
  sample(environmentId: string, since: string, limit: number): Promise<{ total: number; users: KnownUser[] }>;
}

export interface ObservedAttributeRecord {
  name: string;
  kinds: string[];
  lastSeenAt: string;
}

export interface ObservedAttributeStore {
  /** Merges kinds (as a set) and widens last-seen. New names are kept only while fewer than `maxNames` are (first by name); kept ones always update. */
  record(attributes: ObservedAttributeRecord[], maxNames: number): Promise<void>;
  list(): Promise<ObservedAttributeRecord[]>;
}

export interface StoredEvent {
  id: string;
  /** The environment of the SDK key that sent it (Production when left out): results count only their experiment's. */
  environmentId?: string;
  type: 'track' | 'exposure';
  targetingKey: string;
  event: string;
  value: number | null;
  timestamp: string;
  properties: Record<string, string | number | boolean | null> | null;
  receivedAt: string;
}

export interface EventCatalogEntry {
  event: string;
  type: 'track' | 'exposure';
  count: number;
  users: number;
  withValue: number;
  properties: string[];
  lastSeenAt: string;
}

export interface EventStore {
  /**
   * Stores the batch atomically, with the exposures it reports (recorded as ExposureStore.record
   * does) in the same commit; an event repeating a stored event's id, targetingKey and timestamp
   * (a retried batch) is skipped. Returns how many events were new.
   */
  insertBatch(events: StoredEvent[], exposures?: ExposureRecord[]): Promise<number>;
  /** Which events (and their properties) apps have sent, most frequent first. */
  catalog(): Promise<EventCatalogEntry[]>;
  /**
   * Retention: forgets events whose time is over `retentionDays` days before the start of `now`'s
   * UTC day (whole days; null keeps everything), and prepares the days ahead (SQL: partitions).
   */
  maintain(now: Date, retentionDays: number | null): Promise<EventPartitionChanges>;
}

/** Partitions of the events table created and dropped by EventStore.maintain (none on memory). */
export interface EventPartitionChanges {
  created: string[];
  dropped: string[];
}

export interface MetricStore {
  list(archived: boolean): Promise<Metric[]>;
  getById(id: string): Promise<Metric | null>;
  getByIds(ids: string[]): Promise<Metric[]>;
  /** Throws UniqueViolation('key') when the key is taken. */
  insert(metric: Metric): Promise<void>;
  /** Compare-and-set on the version: null when the stored version is not `expectedVersion`. */
  update(metric: Metric, expectedVersion: number): Promise<Metric | null>;
}

export interface ExperimentStore {
  /** Newest first; only one environment's when `environmentId` is given. */
  list(statuses?: readonly ExperimentStatus[], environmentId?: string): Promise<Experiment[]>;
  getById(id: string): Promise<Experiment | null>;
  getByKey(key: string): Promise<Experiment | null>;
  /** Throws UniqueViolation('key') when the key is taken. */
  insert(experiment: Experiment): Promise<void>;
  /** Compare-and-set on the version: null when the stored version is not `expectedVersion`. */
  update(experiment: Experiment, expectedVersion: number): Promise<Experiment | null>;
}

export interface ExposureRecord {
  experimentId: string;
  targetingKey: string;
  variant: string;
  firstSeenAt: string;
}

export interface ExposureStore {
  /** First sightings: an (experiment, user) already stored keeps its variant and the earliest time. */
  record(exposures: ExposureRecord[]): Promise<void>;
  /** targetingKey -> variant of every user exposed to the experiment (sticky membership). */
  variantsOf(experimentId: string): Promise<Map<string, string>>;
  /**
   * Up to `limit` users exposed to the experiment, in targetingKey order, after `after` (null: from
   * the first): sticky membership loads millions a page at a time, never all of them at once.
   */
  exposedUsersAfter(experimentId: string, after: string | null, limit: number): Promise<string[]>;
  /** Exposed users per variant. */
  counts(experimentId: string): Promise<{ variant: string; users: number }[]>;
}

/** What the results store aggregates: every metric of one experiment, per variant and bucket. */
export interface ResultsQuery {
  experimentId: string;
  /** Users first exposed in [from, to) count; events before `to` count. null: unbounded. */
  from: string | null;
  to: string | null;
  metrics: Metric[];
  /** 'day': bucket by UTC day of first exposure; otherwise the value of this known-user attribute. */
  groupBy: { kind: 'day' } | { kind: 'attribute'; attribute: string };
  /** CUPED look-back: each user's same metric in this many days before exposure; 0 turns it off. */
  preExposureDays: number;
  /**
   * Answer from the experiment's per-user rollups (refreshed first), not by joining every event.
   * Only for a query whose `to` is the experiment's own end (null while it runs) and whose
   * preExposureDays is 0 or CUPED_DAYS; a custom end date joins the events.
   */
  useRollups?: boolean;
}

/** Days of each user's history before exposure that CUPED uses (and that rollups keep). */
export const CUPED_DAYS = 14;

/** What an experiment's per-user rollups are kept for: a change of any of it rebuilds them. */
export interface RollupSpec {
  experimentId: string;
  metrics: Metric[];
  /** Events at or after this time (the experiment's end) do not count; null while it runs. */
  to: string | null;
}

/**
 * Sums over users of one metric's per-user quantities: m (the metric, or a ratio's numerator),
 * d (a ratio's denominator; 0 otherwise) and pre (m before exposure, for CUPED; 0 when off).
 */
export interface MetricSums {
  m: number;
  m2: number;
  d: number;
  d2: number;
  md: number;
  pre: number;
  pre2: number;
  mPre: number;
}

export interface ResultsRow {
  variant: string;
  /** 'YYYY-MM-DD' for days; the attribute's value (as text) or null for a breakdown. */
  bucket: string | null;
  users: number;
  /** In the order of ResultsQuery.metrics. */
  metrics: MetricSums[];
}

export interface ResultsStore {
  /** Changes whenever events or exposures change (any replica): the results cache key. */
  dataVersion(): Promise<string>;
  /** Sufficient statistics per variant and bucket, in one round trip. */
  aggregate(query: ResultsQuery): Promise<ResultsRow[]>;
  /** Which of these event names apps have ever sent as track events. */
  sentEvents(events: string[]): Promise<Set<string>>;
  /**
   * Brings the experiment's per-user rollups up to date with every event and exposure written so
   * far, recomputing only the users touched since the last refresh (everyone when the spec
   * changed). Returns how many users were recomputed. A no-op where aggregate() needs no rollups.
   */
  refreshRollups(spec: RollupSpec): Promise<{ users: number; rebuilt: boolean }>;
}

/** A webhook as stored: with its signing secret, which the API shows only at create and rotate. */
export type WebhookRecord = Omit<Webhook, 'secretHint'> & { secret: string };

/** A delivery as stored: the payload is the exact body text sent every attempt. */
export type WebhookDeliveryRecord = Omit<WebhookDelivery, 'payload'> & { payload: string };

/** What one attempt left: the next attempt, or delivered/failed, and the receiver's answer. */
export interface WebhookAttemptOutcome {
  status: WebhookDelivery['status'];
  attempts: number;
  nextAttemptAt: string | null;
  lastStatus: number | null;
  lastResponse: string | null;
  deliveredAt: string | null;
}

export interface WebhookStore {
  /** Oldest first. */
  list(environmentId: string): Promise<WebhookRecord[]>;
  getById(id: string): Promise<WebhookRecord | null>;
  insert(webhook: WebhookRecord): Promise<void>;
  /** Null when there is no such webhook. */
  update(webhook: WebhookRecord): Promise<WebhookRecord | null>;
  /** Deletes the webhook and its deliveries; false when there was none. */
  delete(id: string): Promise<boolean>;
  insertDeliveries(deliveries: WebhookDeliveryRecord[]): Promise<void>;
  getDelivery(id: string): Promise<WebhookDeliveryRecord | null>;
  /** Newest first. */
  listDeliveries(webhookId: string, limit: number): Promise<WebhookDeliveryRecord[]>;
  /**
   * Pending deliveries due at `now`, oldest first, at most `limit`, each pushed to `leaseUntil`
   * so that no other run takes them while this one is sending (run it under the job lock).
   */
  claimDue(now: string, leaseUntil: string, limit: number): Promise<WebhookDeliveryRecord[]>;
  recordAttempt(id: string, outcome: WebhookAttemptOutcome): Promise<void>;
  /** Sets a delivery pending again, due at `at`; null when there is none. */
  requeue(id: string, at: string): Promise<WebhookDeliveryRecord | null>;
  /** Keeps each webhook's newest `keep` deliveries (pending ones always); returns how many went. */
  prune(keep: number): Promise<number>;
}

export type StoreKind = 'memory' | 'pglite' | 'postgres';

export interface Store {
  readonly kind: StoreKind;
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
  /** What the behaviour state reads from the events (behavioural segments). */
  readonly behaviour: BehaviourStore;
  readonly webhooks: WebhookStore;
  /**
   * Runs fn in a transaction only if no other server (replica) holds the named job lock; null when
   * one does. The experiments scheduler uses it so that a start or an end happens once.
   */
  withJobLock<T>(job: string, fn: (store: Store) => Promise<T>): Promise<T | null>;
  /** Runs fn atomically: every write inside commits together or not at all. */
  transaction<T>(fn: (store: Store) => Promise<T>): Promise<T>;
  ping(): Promise<void>;
  close(): Promise<void>;
}
