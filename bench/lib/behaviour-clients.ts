import { DAY_MS } from '../../src/shared/behaviour/behaviour-rule';
import { asSent, eventBatches, param } from '../servers/behaviour-seed';
import { startBenchServer } from './load';

// What the behavioural benches do to a server as apps would: send users' events through
// POST /sdk/v1/events, and ask OFREP until an answer changes (how fresh the state is).

export interface BehaviourServerInfo {
  port: number;
  key: string;
  pid: number;
  stallsPort: number;
  controlPort: number;
  preload: {
    users: number;
    events: number;
    insertSeconds: number;
    loadSeconds: number;
    before: Memory;
    after: Memory;
    stats: Record<string, unknown> | null;
  } | null;
}

export interface Memory {
  rss: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
  gcForced: boolean;
  stats?: Record<string, unknown> | null;
}

export type BehaviourServer = Awaited<ReturnType<typeof startBenchServer<BehaviourServerInfo>>>;

/** A behaviour-server.ts process (--expose-gc, so its memory figures follow a full collection). */
export const startBehaviourServer = (env: Record<string, string>) => startBenchServer<BehaviourServerInfo>('bench/servers/behaviour-server.ts', env, ['--expose-gc']);

export const serverMemory = async (server: BehaviourServer): Promise<Memory> => (await fetch(`http://127.0.0.1:${server.info.controlPort}/memory`)).json() as Promise<Memory>;

const headers = (server: BehaviourServer) => ({ authorization: `Bearer ${server.info.key}`, 'content-type': 'application/json' });

/** Posts one batch of events; throws unless it was acknowledged. */
export async function postEvents(server: BehaviourServer, events: unknown[]): Promise<void> {
  const response = await fetch(`http://127.0.0.1:${server.info.port}/sdk/v1/events`, { method: 'POST', headers: headers(server), body: JSON.stringify({ events }) });
  if (response.status !== 200 && response.status !== 202) throw new Error(`POST /sdk/v1/events answered ${response.status}: ${await response.text()}`);
  await response.arrayBuffer();
}

/** The events of users [0, users) through POST /sdk/v1/events, `concurrency` batches in flight. */
export async function sendUserEvents(server: BehaviourServer, users: number, batchSize: number, concurrency = 4): Promise<{ events: number; seconds: number }> {
  const started = performance.now();
  let events = 0;
  const inFlight = new Set<Promise<void>>();
  for (const batch of eventBatches(0, users, batchSize, Date.now())) {
    events += batch.length;
    const sent = postEvents(server, batch.map(asSent)).finally(() => inFlight.delete(sent));
    inFlight.add(sent);
    if (inFlight.size >= concurrency) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  return { events, seconds: (performance.now() - started) / 1000 };
}

/** The value OFREP gives `targetingKey` for `flag`. */
export async function ofrepValue(server: BehaviourServer, flag: string, context: Record<string, unknown>): Promise<unknown> {
  const response = await fetch(`http://127.0.0.1:${server.info.port}/ofrep/v1/evaluate/flags/${flag}`, { method: 'POST', headers: headers(server), body: JSON.stringify({ context }) });
  if (response.status !== 200) throw new Error(`OFREP answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { value: unknown }).value;
}

/**
 * Freshness: a new user's purchase (which puts them in "Bought in the last 30 days", served
 * param_000's rule value) is sent after everything else; returns the ms from its acknowledgement
 * until OFREP answers the new value. Every batch acknowledged before it has a lower ingest
 * sequence, so by then the state has caught up with them too.
 */
export async function freshnessAfterPurchase(server: BehaviourServer, timeoutMs = 120_000): Promise<number> {
  const user = `marker-${Date.now()}-${Math.floor(Math.random() * 1e9)}`;
  const context = { targetingKey: user };
  const before = await ofrepValue(server, param(0), context);
  const timestamp = new Date(Date.now() - DAY_MS / 24).toISOString();
  await postEvents(server, [{ id: `${user}-purchase`, type: 'track', targetingKey: user, event: 'purchase', value: 20, timestamp, properties: { category: 'hats' } }]);
  const acknowledged = performance.now();
  while (performance.now() - acknowledged < timeoutMs) {
    if (JSON.stringify(await ofrepValue(server, param(0), context)) !== JSON.stringify(before)) return performance.now() - acknowledged;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`OFREP still answered the old value ${timeoutMs / 1000} s after the purchase was acknowledged`);
}

export const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

/** "RSS 120.3 → 240.1 MiB (+119.8), heap 40.2 → 150.7 MiB (+110.5): 1,158 bytes of heap per user". */
export function memoryLine(before: Memory, after: Memory, users: number): string {
  const delta = (key: 'rss' | 'heapUsed' | 'external') => `${mib(before[key])} → ${mib(after[key])} (${after[key] >= before[key] ? '+' : ''}${mib(after[key] - before[key])})`;
  const perUser = (key: 'rss' | 'heapUsed') => Math.round((after[key] - before[key]) / users).toLocaleString('en');
  return (
    `RSS ${delta('rss')}, heap ${delta('heapUsed')}, external ${delta('external')}: ` +
    `${perUser('heapUsed')} bytes of heap (${perUser('rss')} of RSS) per user${before.gcForced ? '' : ' (no forced GC: run with --expose-gc)'}`
  );
}
