import type { Clock } from './lib/clock';
import { DEFAULT_EXPOSURE_MEMORY_MAX_USERS } from './node/settings';
import { ConfigCache } from './evaluation/config-cache';
import { ExposureRecorder } from './evaluation/exposure-recorder';
import { KnownUsersRecorder } from './evaluation/known-users-recorder';
import { SdkKeyAuthenticator } from './evaluation/sdk-key-auth';
import { KnownUserSample } from './modules/audiences/reach-service';
import { BehaviourState } from './modules/behaviour/behaviour-state';
import type { PasswordHasher } from './lib/password';
import type { Store } from './store/types';

export interface ServerConfig {
  /** Marks cookies Secure; on by default for https deployments behind a proxy. */
  secureCookies: boolean;
  sessionTtlMs: number;
  version: string;
  /** Requests per minute per SDK key on /ofrep and /sdk (each process); 0 turns the limit off. */
  sdkRateLimitPerMin: number;
  /** EVENTS_RETENTION_DAYS: events older than this many days are dropped (whole days); null keeps everything. */
  eventsRetentionDays: number | null;
  /** EXPOSURE_MEMORY_MAX_USERS: exposed users remembered for sticky membership, over all running experiments (see ExposureRecorder). */
  exposureMemoryMaxUsers: number;
  /**
   * This process is the only one writing to the database (the embedded PGlite, which one process
   * opens), so its own writes are the only changes: the configuration and SDK key caches hear of
   * each at once and never make a request wait for the database to confirm what they hold. Off
   * (the default), they re-check within a second for changes made by other replicas.
   */
  soleWriter: boolean;
}

/** The shared parts the components below are built on; complete before any of them exists. */
export interface CoreServices {
  store: Store;
  clock: Clock;
  passwords: PasswordHasher;
  config: ServerConfig;
  log: (message: string, detail?: unknown) => void;
  /** Tells in-process caches that what apps receive may have changed (other replicas poll the config version). */
  configChanged(): void;
  onConfigChanged(listener: () => void): void;
  /** Tells in-process key caches to forget a revoked SDK key (other replicas re-check within seconds). */
  sdkKeyRevoked(keyHash: string): void;
  onSdkKeyRevoked(listener: (keyHash: string) => void): void;
}

/** What every module needs, built once per app. */
export interface Services extends CoreServices {
  /** The compiled configuration OFREP and the preview evaluate against. */
  configs: ConfigCache;
  /** Resolves the SDK key an app presents (OFREP, events). */
  sdkKeyAuth: SdkKeyAuthenticator;
  /** Records targetingKeys and attributes seen in evaluation requests. */
  knownUsers: KnownUsersRecorder;
  /** Records users' first exposure to running experiments, batched; answers sticky membership. */
  exposures: ExposureRecorder;
  /** Known users of the last 30 days (or a sample), for reach and "who is in it". */
  userSample: KnownUserSample;
  /** Users' behaviour for behavioural segments, in memory, synced from the events (sync() every second). */
  behaviour: BehaviourState;
}

export function createServices(options: {
  store: Store;
  clock: Clock;
  passwords: PasswordHasher;
  config?: Partial<ServerConfig>;
  log?: Services['log'];
}): Services {
  const listeners: (() => void)[] = [];
  const revokedListeners: ((keyHash: string) => void)[] = [];
  const core: CoreServices = {
    sdkKeyRevoked: (keyHash) => revokedListeners.forEach((listener) => listener(keyHash)),
    onSdkKeyRevoked: (listener) => revokedListeners.push(listener),
    configChanged: () => listeners.forEach((listener) => listener()),
    onConfigChanged: (listener) => listeners.push(listener),
    store: options.store,
    clock: options.clock,
    passwords: options.passwords,
    config: {
      secureCookies: false,
      sessionTtlMs: 14 * 24 * 60 * 60 * 1000,
      version: '0.1.0',
      sdkRateLimitPerMin: 0,
      eventsRetentionDays: null,
      exposureMemoryMaxUsers: DEFAULT_EXPOSURE_MEMORY_MAX_USERS,
      soleWriter: false,
      ...options.config,
    },
    log: options.log ?? ((message, detail) => console.error(message, detail ?? '')),
  };
  // Each component gets only what it uses; one that uses another is built after it.
  const exposures = new ExposureRecorder(core);
  const configs = new ConfigCache(core, exposures);
  const userSample = new KnownUserSample(core);
  const knownUsers = new KnownUsersRecorder(core, userSample);
  const sdkKeyAuth = new SdkKeyAuthenticator(core);
  const behaviour = new BehaviourState(core);
  return { ...core, exposures, configs, knownUsers, sdkKeyAuth, userSample, behaviour };
}
