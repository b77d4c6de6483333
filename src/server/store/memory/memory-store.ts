import { UniqueViolation } from '../../lib/errors';
import type { AuditEntry } from '../../../shared/contract/audit';
import type { Experiment } from '../../../shared/contract/experiments';
import type { Rollout } from '../../../shared/contract/rollouts';
import type { Metric } from '../../../shared/contract/metrics';
import { DEFAULT_ENVIRONMENTS, type Environment } from '../../../shared/contract/environments';
import type { Parameter } from '../../../shared/contract/parameters';
import type { KnownUser } from '../../../shared/contract/segments';
import type {
  EventStore,
  ExperimentStore,
  ExposureRecord,
  ExposureStore,
  MetricStore,
  ResultsStore,
  StoredEvent,
  KnownUserStore,
  LoginAttemptStore,
  ObservedAttributeRecord,
  ObservedAttributeStore,
  SegmentRecord,
  SegmentStore,
  ApiTokenRecord,
  ApiTokenStore,
  AuditStore,
  ConfigVersionStore,
  EnvironmentStore,
  ChangeRequestRecord,
  ChangeRequestStore,
  RolloutStore,
  ParameterStore,
  ParameterVersionRecord,
  RequestedKeyRecord,
  RequestedKeyStore,
  SdkKeyRecord,
  SdkKeyStore,
  SessionRecord,
  SessionStore,
  Store,
  UserRecord,
  UserStore,
} from '../types';
import type { WebhookDeliveryRecord, WebhookRecord, WebhookStore } from '../types';
import { MemoryEvents } from './memory-events';
import { MemoryWebhooks } from './memory-webhooks';
import { MemoryLoginAttempts } from './memory-login-attempts';
import { MemoryResults } from './memory-results';
import { MemoryBehaviour } from './memory-behaviour';
import type { BehaviourStore } from '../../modules/behaviour/behaviour-store';
import { MemoryExperiments, MemoryExposures, MemoryMetrics } from './memory-experiments';
import { MemoryRollouts } from './memory-rollouts';
import { MemoryKnownUsers, MemoryObservedAttributes, MemorySegments } from './memory-audiences';
import { MemoryAudit, MemoryChangeRequests, MemoryConfigVersion, MemoryEnvironments, MemoryParameters, MemoryRequestedKeys, MemorySdkKeys } from './memory-content';

/** Everything the memory store holds; cloned for transactions so a failed one leaves no trace. */
export interface MemoryState {
  users: Map<string, UserRecord>;
  sessions: Map<string, SessionRecord>;
  apiTokens: Map<string, ApiTokenRecord>;
  audit: AuditEntry[];
  environments: Map<string, Environment>;
  changeRequests: Map<string, ChangeRequestRecord>;
  rollouts: Map<string, Rollout>;
  /** Per environment and parameter: see MemoryParameters. */
  parameters: Map<string, Parameter>;
  parameterVersions: ParameterVersionRecord[];
  sdkKeys: Map<string, SdkKeyRecord>;
  requestedKeys: Map<string, RequestedKeyRecord>;
  configVersion: number;
  /** environment id -> the counter at its last change (see ConfigVersionStore.getFor). */
  environmentConfigVersions: Map<string, number>;
  segments: Map<string, SegmentRecord>;
  segmentIds: Map<string, string[]>;
  knownUsers: Map<string, KnownUser>;
  observedAttributes: Map<string, ObservedAttributeRecord>;
  /** Each event with its seq, in seq order (see eventSeq). */
  events: Map<string, StoredEvent & { seq: number }>;
  /** The last seq handed to an event: the behaviour state's watermark. */
  eventSeq: number;
  metrics: Map<string, Metric>;
  experiments: Map<string, Experiment>;
  /** experiment id -> targetingKey -> exposure */
  exposures: Map<string, Map<string, ExposureRecord>>;
  webhooks: Map<string, WebhookRecord>;
  webhookDeliveries: Map<string, WebhookDeliveryRecord>;
}

export function emptyMemoryState(): MemoryState {
  return {
    users: new Map(),
    sessions: new Map(),
    apiTokens: new Map(),
    audit: [],
    environments: defaultEnvironments(),
    changeRequests: new Map(),
    rollouts: new Map(),
    parameters: new Map(),
    parameterVersions: [],
    sdkKeys: new Map(),
    requestedKeys: new Map(),
    configVersion: 0,
    environmentConfigVersions: new Map(),
    segments: new Map(),
    segmentIds: new Map(),
    knownUsers: new Map(),
    observedAttributes: new Map(),
    events: new Map(),
    eventSeq: 0,
    metrics: new Map(),
    experiments: new Map(),
    exposures: new Map(),
    webhooks: new Map(),
    webhookDeliveries: new Map(),
  };
}

const copy = <T>(value: T): T => structuredClone(value);

/** The environments every workspace starts with (migration 10 creates the same). */
function defaultEnvironments(): Map<string, Environment> {
  const now = new Date(0).toISOString();
  return new Map(DEFAULT_ENVIRONMENTS.map((e, position) => [e.id, { ...e, position, requiresApproval: false, archivedAt: null, version: 1, createdAt: now, updatedAt: now }]));
}

class MemoryUsers implements UserStore {
  constructor(private readonly state: () => MemoryState) {}
  private get map() {
    return this.state().users;
  }
  async count() {
    return this.map.size;
  }
  async countActiveAdmins() {
    return [...this.map.values()].filter((u) => u.role === 'admin' && !u.disabled && u.passwordHash !== null).length;
  }
  async list() {
    return [...this.map.values()].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.email.localeCompare(b.email)).map(copy);
  }
  async getById(id: string) {
    const user = this.map.get(id);
    return user ? copy(user) : null;
  }
  async getByEmail(email: string) {
    const user = [...this.map.values()].find((u) => u.email === email);
    return user ? copy(user) : null;
  }
  async getByInviteTokenHash(tokenHash: string) {
    const user = [...this.map.values()].find((u) => u.inviteTokenHash === tokenHash);
    return user ? copy(user) : null;
  }
  async insert(user: UserRecord) {
    if ([...this.map.values()].some((u) => u.email === user.email)) throw new UniqueViolation('email');
    this.map.set(user.id, copy(user));
  }
  async insertFirst(user: UserRecord) {
    if (this.map.size > 0) return false;
    this.map.set(user.id, copy(user));
    return true;
  }
  async update(id: string, patch: Parameters<UserStore['update']>[1]) {
    const user = this.map.get(id);
    if (!user) return null;
    const next = { ...user, ...patch, version: user.version + 1 };
    this.map.set(id, next);
    return copy(next);
  }
  async consumeInvite(tokenHash: string, now: string, accepted: { name: string; passwordHash: string }) {
    // No await between the check and the write: two calls cannot both see the invite unused.
    const user = [...this.map.values()].find((u) => u.inviteTokenHash === tokenHash);
    if (!user || user.disabled || !user.inviteExpiresAt || user.inviteExpiresAt <= now) return null;
    const next = { ...user, ...accepted, inviteTokenHash: null, inviteExpiresAt: null, updatedAt: now, version: user.version + 1 };
    this.map.set(user.id, next);
    return copy(next);
  }
}

class MemorySessions implements SessionStore {
  constructor(private readonly state: () => MemoryState) {}
  private get map() {
    return this.state().sessions;
  }
  async insert(session: SessionRecord) {
    this.map.set(session.id, copy(session));
  }
  async get(id: string) {
    const session = this.map.get(id);
    return session ? copy(session) : null;
  }
  async touch(id: string, lastSeenAt: string, expiresAt: string) {
    const session = this.map.get(id);
    if (session) this.map.set(id, { ...session, lastSeenAt, expiresAt });
  }
  async delete(id: string) {
    this.map.delete(id);
  }
  async deleteForUser(userId: string) {
    for (const [id, session] of this.map) if (session.userId === userId) this.map.delete(id);
  }
  async deleteExpired(now: string) {
    let removed = 0;
    for (const [id, session] of this.map) {
      if (session.expiresAt <= now) {
        this.map.delete(id);
        removed++;
      }
    }
    return removed;
  }
}

class MemoryApiTokens implements ApiTokenStore {
  constructor(private readonly state: () => MemoryState) {}
  private get map() {
    return this.state().apiTokens;
  }
  async insert(token: ApiTokenRecord) {
    if ([...this.map.values()].some((t) => t.tokenHash === token.tokenHash)) throw new UniqueViolation('tokenHash');
    this.map.set(token.id, copy(token));
  }
  async list() {
    return [...this.map.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt)).map(copy);
  }
  async getById(id: string) {
    const token = this.map.get(id);
    return token ? copy(token) : null;
  }
  async getByHash(tokenHash: string) {
    const token = [...this.map.values()].find((t) => t.tokenHash === tokenHash);
    return token ? copy(token) : null;
  }
  async revoke(id: string, at: string) {
    const token = this.map.get(id);
    if (!token) return null;
    const next = { ...token, revokedAt: token.revokedAt ?? at };
    this.map.set(id, next);
    return copy(next);
  }
  async touch(id: string, at: string) {
    const token = this.map.get(id);
    if (token) this.map.set(id, { ...token, lastUsedAt: at });
  }
  async getWithCreatorByHash(tokenHash: string) {
    const token = await this.getByHash(tokenHash);
    if (!token) return null;
    const creator = token.createdBy === null ? undefined : this.state().users.get(token.createdBy);
    return { token, creator: creator ? { role: creator.role, active: !creator.disabled && creator.passwordHash !== null } : null };
  }
}

/**
 * The store interfaces over plain Maps: fast tests and the browser mock. Transactions are
 * serialised and work on a clone of the state, swapped in only when the callback succeeds.
 */
export class MemoryStore implements Store {
  readonly kind = 'memory' as const;
  readonly users: UserStore;
  readonly sessions: SessionStore;
  readonly apiTokens: ApiTokenStore;
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
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly holder: { state: MemoryState } = { state: emptyMemoryState() },
    readonly loginAttempts: LoginAttemptStore = new MemoryLoginAttempts(),
  ) {
    const state = () => this.holder.state;
    this.users = new MemoryUsers(state);
    this.sessions = new MemorySessions(state);
    this.apiTokens = new MemoryApiTokens(state);
    this.audit = new MemoryAudit(state);
    this.environments = new MemoryEnvironments(state);
    this.changeRequests = new MemoryChangeRequests(state);
    this.rollouts = new MemoryRollouts(state);
    this.parameters = new MemoryParameters(state);
    this.sdkKeys = new MemorySdkKeys(state);
    this.requestedKeys = new MemoryRequestedKeys(state);
    this.configVersion = new MemoryConfigVersion(state);
    this.segments = new MemorySegments(state);
    this.knownUsers = new MemoryKnownUsers(state);
    this.observedAttributes = new MemoryObservedAttributes(state);
    this.events = new MemoryEvents(state);
    this.metrics = new MemoryMetrics(state);
    this.experiments = new MemoryExperiments(state);
    this.exposures = new MemoryExposures(state);
    this.results = new MemoryResults(state);
    this.behaviour = new MemoryBehaviour(state);
    this.webhooks = new MemoryWebhooks(state);
  }

  get state(): MemoryState {
    return this.holder.state;
  }

  transaction<T>(fn: (store: Store) => Promise<T>): Promise<T> {
    const run = async () => {
      const draft = { state: structuredClone(this.holder.state) };
      const result = await fn(new MemoryStore(draft, this.loginAttempts));
      this.holder.state = draft.state;
      return result;
    };
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** One process holds all of the memory store, so the lock is always free: run in a transaction. */
  withJobLock<T>(_job: string, fn: (store: Store) => Promise<T>): Promise<T | null> {
    return this.transaction(fn);
  }

  async ping() {}
  async close() {}
}
