import { resolve } from 'node:path';
import { parseTrustProxy, type TrustProxy } from './client-address';

/**
 * EXPOSURE_MEMORY_MAX_USERS by default: at most about 128 MiB of fingerprint tables (2^24 slots
 * of 8 bytes, 13 bytes a user at this count; 64 MiB more for a moment while the last table grows).
 */
export const DEFAULT_EXPOSURE_MEMORY_MAX_USERS = 10_000_000;

/** Settings from the environment, with the defaults README documents. */
export interface Settings {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  secureCookies: boolean;
  /** TRUST_PROXY: whether to take the client address (for sign-in limits) from X-Forwarded-For. */
  trustProxy: TrustProxy;
  dashboardDir: string;
  /** How often scheduled experiment starts and ends are checked. */
  schedulerIntervalMs: number;
  /** How often running experiments' results rollups catch up with new events. */
  rollupIntervalMs: number;
  /** Requests per minute per SDK key on /ofrep and /sdk, per process (token bucket); 0 is off. */
  sdkRateLimitPerMin: number;
  /** EVENTS_RETENTION_DAYS: drop events older than this many whole days; unset keeps everything. */
  eventsRetentionDays: number | null;
  /** EXPOSURE_MEMORY_MAX_USERS: exposed users remembered in memory for sticky membership (all running experiments). */
  exposureMemoryMaxUsers: number;
}

export function readSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  const port = Number(env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  const sdkRateLimitPerMin = Number(env.SDK_RATE_LIMIT_PER_MIN || 0);
  if (!Number.isInteger(sdkRateLimitPerMin) || sdkRateLimitPerMin < 0) {
    throw new Error(`SDK_RATE_LIMIT_PER_MIN must be a whole number of requests per minute (0 turns it off), got "${env.SDK_RATE_LIMIT_PER_MIN}"`);
  }
  const retention = env.EVENTS_RETENTION_DAYS?.trim();
  const eventsRetentionDays = retention ? Number(retention) : null;
  if (eventsRetentionDays !== null && (!Number.isInteger(eventsRetentionDays) || eventsRetentionDays < 1)) {
    throw new Error(`EVENTS_RETENTION_DAYS must be a whole number of days (1 or more; leave it unset to keep every event), got "${env.EVENTS_RETENTION_DAYS}"`);
  }
  const exposureMemoryMaxUsers = Number(env.EXPOSURE_MEMORY_MAX_USERS?.trim() || DEFAULT_EXPOSURE_MEMORY_MAX_USERS);
  if (!Number.isSafeInteger(exposureMemoryMaxUsers) || exposureMemoryMaxUsers < 0) {
    throw new Error(`EXPOSURE_MEMORY_MAX_USERS must be a whole number of users (0 remembers none), got "${env.EXPOSURE_MEMORY_MAX_USERS}"`);
  }
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    dataDir: resolve(env.DATA_DIR ?? './data'),
    databaseUrl: env.DATABASE_URL || undefined,
    adminEmail: env.ADMIN_EMAIL || undefined,
    adminPassword: env.ADMIN_PASSWORD || undefined,
    secureCookies: env.SECURE_COOKIES === 'true',
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    dashboardDir: resolve(env.DASHBOARD_DIR ?? './dist/web'),
    schedulerIntervalMs: Math.max(1000, Number(env.SCHEDULER_INTERVAL_MS) || 15_000),
    rollupIntervalMs: Math.max(1000, Number(env.ROLLUP_INTERVAL_MS) || 5_000),
    sdkRateLimitPerMin,
    eventsRetentionDays,
    exposureMemoryMaxUsers,
  };
}
