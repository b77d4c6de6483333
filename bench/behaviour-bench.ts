import { availableParallelism, loadavg } from 'node:os';
import autocannon from 'autocannon';
import { DAY_MS } from '../src/shared/behaviour/behaviour-rule';
import { seededRandom } from '../src/shared/seeded-random';
import { freshnessAfterPurchase, memoryLine, serverMemory, startBehaviourServer, type BehaviourServer } from './lib/behaviour-clients';
import { freshPostgresDatabase } from './lib/fresh-database';
import { postgresCpu, processCpu } from './lib/process-cpu';
import { BEHAVIOUR_SEGMENTS } from './servers/behaviour-seed';

// BENCH=behaviour: event ingestion with behaviour state kept, beside plain ingestion, and the
// memory the state takes per user.
// 1. Events per second through POST /sdk/v1/events (batches of 500) on two real servers that
//    differ only in the ten behavioural segments in use: with them, the server's sync (every
//    second) reads the new events into its state. Rounds alternate between the two. Then how long
//    after the last acknowledged batch the state has caught up (freshness).
// 2. Memory: the events of BEHAVIOUR_USERS users (100,000; 1,000,000 when set) stored in-process,
//    then the state loaded from the events table as at start: its load time, RSS and heap before
//    and after, bytes per user.
// PGlite; with DATABASE_URL (scripts/with-postgres.sh) PostgreSQL too, a fresh database per server.
const BATCH = 500;
const USERS = Number(process.env.BEHAVIOUR_USERS ?? 100_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
// As BENCH=events: PGlite runs one statement at a time (more senders only queue), PostgreSQL
// shares commits between concurrent batches.
const CONNECTIONS = { pglite: 8, postgres: 32 };
const TEMPLATES = 200;

type Store = 'pglite' | 'postgres';
type Mode = 'plain' | 'behaviour';

const load = () => loadavg()[0].toFixed(1);

/** Batches of the events the segments read (and page views, which none does) over the last 30 days of users drawn from USERS; ids get a fresh prefix per request. */
function batchTemplates(): string[] {
  const random = seededRandom(500);
  const now = Date.now();
  const pick = <T>(choices: [number, T][]) => {
    let r = random();
    for (const [share, value] of choices) if ((r -= share) < 0) return value;
    return choices[choices.length - 1][1];
  };
  return Array.from({ length: TEMPLATES }, () => {
    const events = Array.from({ length: BATCH }, (_, i) => {
      const event = pick([[0.35, 'view_item'], [0.25, 'open_app'], [0.2, 'add_to_cart'], [0.1, 'purchase'], [0.1, 'page_view']]);
      const category = pick([[0.4, 'shoes'], [0.3, 'bags'], [0.3, 'hats']]);
      return {
        id: `%P%-${i}`,
        type: 'track',
        targetingKey: `u${Math.floor(random() * USERS)}`,
        event,
        ...(event === 'purchase' && { value: Math.round(10 + random() * 110) }),
        timestamp: new Date(now - Math.floor(random() * 30 * DAY_MS)).toISOString(),
        ...(event !== 'open_app' && { properties: { category } }),
      };
    });
    return JSON.stringify({ events });
  });
}

interface Ingested {
  eventsPerSecond: number;
  serverUs: number;
  databaseUs: number;
  errors: number;
}

async function ingest(server: BehaviourServer, store: Store, databaseUrl: string | undefined, templates: string[], run: string): Promise<Ingested> {
  let counter = 0;
  const options = {
    url: `http://127.0.0.1:${server.info.port}/sdk/v1/events`,
    connections: CONNECTIONS[store],
    method: 'POST' as const,
    headers: { authorization: `Bearer ${server.info.key}`, 'content-type': 'application/json' },
    requests: [{ setupRequest: (request: object) => ({ ...request, body: templates[counter % TEMPLATES].replaceAll('%P%', `${run}-${counter++}`) }) }],
  };
  const database = () => (store === 'postgres' && databaseUrl ? postgresCpu(databaseUrl) : 0);
  await autocannon({ ...options, duration: 2 }); // warm-up: JIT, connection pool
  const [server0, database0] = [processCpu(server.info.pid), database()];
  const result = await autocannon({ ...options, duration: SECONDS });
  const events = result.requests.total * BATCH;
  return {
    eventsPerSecond: result.requests.average * BATCH,
    serverUs: ((processCpu(server.info.pid) - server0) / events) * 1e6,
    databaseUs: ((database() - database0) / events) * 1e6,
    errors: result.errors + result.non2xx,
  };
}

/** A server of `mode` on `store`; on PostgreSQL in a database of its own, dropped when it stops. */
async function startOn(store: Store, env: Record<string, string>, name: string): Promise<BehaviourServer> {
  if (store === 'pglite') return startBehaviourServer({ ...env, STORE: 'pglite' });
  const database = await freshPostgresDatabase(process.env.DATABASE_URL!, `bench_behaviour_${name}`);
  const server = await startBehaviourServer({ ...env, STORE: 'postgres', DATABASE_URL: database.url });
  return { ...server, stop: () => server.stop().then(database.drop) };
}

async function ingestion(store: Store): Promise<void> {
  const templates = batchTemplates();
  const servers = {} as Record<Mode, BehaviourServer>;
  try {
    servers.plain = await startOn(store, { SEGMENTS: 'none', PARAMETERS: '20' }, 'plain');
    servers.behaviour = await startOn(store, { SEGMENTS: 'behaviour', PARAMETERS: '20' }, 'behaviour');
    const runs: Record<Mode, Ingested[]> = { plain: [], behaviour: [] };
    for (let round = 0; round < ROUNDS; round++) {
      const order: Mode[] = round % 2 === 0 ? ['plain', 'behaviour'] : ['behaviour', 'plain'];
      for (const mode of order) {
        const measured = await ingest(servers[mode], store, process.env.DATABASE_URL, templates, `${mode}-${round}-${Date.now()}`);
        runs[mode].push(measured);
        const freshness = mode === 'behaviour' ? `; state caught up ${((await freshnessAfterPurchase(servers[mode])) / 1000).toFixed(2)} s after the last acknowledged batch` : '';
        const cpu = Number.isNaN(measured.serverUs) ? '' : `, CPU per event: server ${measured.serverUs.toFixed(1)} µs${store === 'postgres' ? `, PostgreSQL ${measured.databaseUs.toFixed(1)} µs` : ''}`;
        console.log(
          `  ${store.padEnd(8)} round ${round + 1} ${mode === 'plain' ? 'plain ingestion (no behavioural segments)' : 'with behaviour state (10 segments)  '} ` +
            `${Math.round(measured.eventsPerSecond).toLocaleString('en').padStart(8)} events/s${cpu}${measured.errors ? `, ${measured.errors} errors` : ''}${freshness}   load ${load()}`,
        );
      }
    }
    const mean = (mode: Mode) => runs[mode].reduce((n, r) => n + r.eventsPerSecond, 0) / runs[mode].length;
    const memory = await serverMemory(servers.behaviour);
    console.log(
      `  ${store.padEnd(8)} events/s, mean of ${ROUNDS} rounds: plain ${Math.round(mean('plain')).toLocaleString('en')}, with behaviour state ${Math.round(mean('behaviour')).toLocaleString('en')} ` +
        `(${((mean('behaviour') / mean('plain')) * 100).toFixed(0)}% of plain); the state now holds ${JSON.stringify(memory.stats)}`,
    );
  } finally {
    await Promise.all(Object.values(servers).map((server) => server.stop()));
  }
}

async function memoryPerUser(store: Store): Promise<void> {
  const server = await startOn(store, { SEGMENTS: 'behaviour', PARAMETERS: '20', PRELOAD_USERS: String(USERS) }, 'memory');
  try {
    const preload = server.info.preload!;
    console.log(
      `  ${store.padEnd(8)} ${preload.events.toLocaleString('en')} events of ${preload.users.toLocaleString('en')} users stored in-process in ${preload.insertSeconds.toFixed(1)} s; ` +
        `state loaded from the events table in ${preload.loadSeconds.toFixed(2)} s (as at start)`,
    );
    console.log(`  ${store.padEnd(8)} ${memoryLine(preload.before, preload.after, preload.users)}`);
    console.log(`  ${store.padEnd(8)} state: ${JSON.stringify(preload.stats)}`);
  } finally {
    await server.stop();
  }
}

export async function behaviourBench(): Promise<void> {
  // BEHAVIOUR_STORES=postgres (or pglite) runs one of them: at 1,000,000 users PGlite takes many minutes.
  const available: Store[] = process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
  const wanted = process.env.BEHAVIOUR_STORES?.split(',');
  const stores = available.filter((store) => !wanted || wanted.includes(store));
  console.log(
    `\nBehaviour state: ingestion with ${BEHAVIOUR_SEGMENTS.length} behavioural segments in use vs plain, batches of ${BATCH} over HTTP ` +
      `(PGlite ${CONNECTIONS.pglite} connections, PostgreSQL ${CONNECTIONS.postgres}), ${ROUNDS} rounds of ${SECONDS} s; ` +
      `${availableParallelism()} CPUs, load average ${load()} at start`,
  );
  for (const store of stores) await ingestion(store);
  console.log(`  memory per user, ${USERS.toLocaleString('en')} users (BEHAVIOUR_USERS), ${BEHAVIOUR_SEGMENTS.length} behavioural segments:`);
  for (const store of stores) await memoryPerUser(store);
  if (!process.env.DATABASE_URL) console.log('  (PostgreSQL: run `scripts/with-postgres.sh env BENCH=behaviour npm run bench` to include it)');
  console.log(`  load average ${load()} at end`);
}
