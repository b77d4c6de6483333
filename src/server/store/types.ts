// The Store contract: one interface per domain object, each defined beside its module in
// src/server/modules/<module>/<module>-store.ts and composed here. The memory store (tests,
// browser mock) and the SQL store (PGlite, PostgreSQL) implement the same contract, proven by
// store.contract.ts. Timestamps are ISO-8601 strings in UTC.

import type { UserStore, SessionStore, LoginAttemptStore } from '../modules/auth/auth-store';
import type { ApiTokenStore } from '../modules/tokens/tokens-store';
import type { AuditStore } from '../modules/audit/audit-store';
import type { ParameterStore, ConfigVersionStore } from '../modules/parameters/parameters-store';
import type { ChangeRequestStore } from '../modules/change-requests/change-requests-store';
import type { RolloutStore } from '../modules/rollouts/rollouts-store';
import type { EnvironmentStore } from '../modules/environments/environments-store';
import type { SdkKeyStore } from '../modules/sdk-keys/sdk-keys-store';
import type { RequestedKeyStore } from '../modules/ofrep/ofrep-store';
import type { SegmentStore } from '../modules/segments/segments-store';
import type { KnownUserStore, ObservedAttributeStore } from '../modules/audiences/audiences-store';
import type { EventStore } from '../modules/events/events-store';
import type { MetricStore } from '../modules/metrics/metrics-store';
import type { ExperimentStore, ExposureStore } from '../modules/experiments/experiments-store';
import type { ResultsStore } from '../modules/results/results-store';
import type { WebhookStore } from '../modules/webhooks/webhooks-store';
import type { BehaviourStore } from '../modules/behaviour/behaviour-store';

// Re-exported so that importers of this file keep compiling unchanged.
export type { UserRecord, UserPatch, UserStore, SessionRecord, SessionStore, LoginAttemptStore } from '../modules/auth/auth-store';
export type { ApiTokenRecord, ApiTokenStore, ApiTokenWithCreator } from '../modules/tokens/tokens-store';
export type { AuditQuery, AuditStore } from '../modules/audit/audit-store';
export type { ParameterQuery, ParameterVersionRecord, ParameterStore, ConfigVersionStore } from '../modules/parameters/parameters-store';
export type { ChangeRequestRecord, ChangeRequestStore } from '../modules/change-requests/change-requests-store';
export type { RolloutStore } from '../modules/rollouts/rollouts-store';
export type { EnvironmentStore } from '../modules/environments/environments-store';
export type { SdkKeyRecord, SdkKeyStore } from '../modules/sdk-keys/sdk-keys-store';
export type { RequestedKeyRecord, RequestedKeyStore } from '../modules/ofrep/ofrep-store';
export type { SegmentRecord, SegmentStore } from '../modules/segments/segments-store';
export type { KnownUserStore, ObservedAttributeRecord, ObservedAttributeStore } from '../modules/audiences/audiences-store';
export type { StoredEvent, EventCatalogEntry, EventStore, EventPartitionChanges } from '../modules/events/events-store';
export type { MetricStore } from '../modules/metrics/metrics-store';
export type { ExperimentStore, ExposureRecord, ExposureStore } from '../modules/experiments/experiments-store';
export type { ResultsQuery, RollupSpec, MetricSums, ResultsRow, ResultsStore } from '../modules/results/results-store';
export { CUPED_DAYS } from '../modules/results/results-store';
export type { WebhookRecord, WebhookDeliveryRecord, WebhookAttemptOutcome, WebhookStore } from '../modules/webhooks/webhooks-store';

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
