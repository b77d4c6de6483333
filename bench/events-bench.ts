import { cpus, loadavg } from 'node:os';
import autocannon from 'autocannon';
import { startBenchServer } from './lib/load';
import { postgresCpu, processCpu } from './lib/process-cpu';

const BATCH = 500;
// Many apps and app servers send at once; against PostgreSQL 32 senders let concurrent batches
// share commits (group commit): about a quarter more events per second than 8 on the same
// machine. PGlite runs on the server's own thread, one statement at a time: more than 8 senders
// only queue there (same throughput, seconds of tail latency).
const CONNECTIONS = { bare: 32, postgres: 32, pglite: 8 };
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

/** A batch template: every request swaps in a fresh prefix so each event id is new. */
function batchTemplate(): string {
  const events = Array.from({ length: BATCH }, (_, i) => ({
    id: `%P%-${i}`,
    type: 'track',
    targetingKey: `user-${i % 97}`,
    event: i % 5 ? 'page_view' : 'purchase',
    ...(i % 5 === 0 && { value: 19.99 }),
    timestamp: new Date(Date.now() - i * 1000).toISOString(),
    properties: { category: i % 2 ? 'shoes' : 'bags' },
  }));
  return JSON.stringify({ events });
}

interface Measured {
  eventsPerSecond: number;
  /** CPU microseconds per stored event: the server process, and PostgreSQL's processes. */
  serverUs: number;
  databaseUs: number;
}

async function measure(mode: 'switchboard' | 'bare', store: 'pglite' | 'postgres'): Promise<Measured> {
  const server = await startBenchServer<{ port: number; key: string; pid: number }>('bench/servers/events-server.ts', { MODE: mode, STORE: store });
  const template = batchTemplate();
  const run = `${mode}-${store}-${Date.now()}`;
  let counter = 0;
  const postgres = () => (store === 'postgres' ? postgresCpu(process.env.DATABASE_URL!) : 0);
  try {
    const options = {
      url: `http://127.0.0.1:${server.info.port}/sdk/v1/events`,
      connections: mode === 'bare' ? CONNECTIONS.bare : CONNECTIONS[store],
      method: 'POST' as const,
      headers: { authorization: `Bearer ${server.info.key}`, 'content-type': 'application/json' },
      requests: [{ setupRequest: (request: object) => ({ ...request, body: template.replaceAll('%P%', `${run}-${counter++}`) }) }],
    };
    await autocannon({ ...options, duration: 2 }); // warm-up: JIT, connection pool
    const [server0, database0] = [processCpu(server.info.pid), postgres()];
    const result = await autocannon({ ...options, duration: SECONDS });
    const events = result.requests.total * BATCH;
    if (result.non2xx > 0 || result.errors > 0) console.log(`  (${result.non2xx} requests answered an error, ${result.errors} failed of which ${result.timeouts} timed out)`);
    return {
      eventsPerSecond: result.requests.average * BATCH,
      serverUs: ((processCpu(server.info.pid) - server0) / events) * 1e6,
      databaseUs: ((postgres() - database0) / events) * 1e6,
    };
  } finally {
    await server.stop();
  }
}

const load = () => loadavg()[0].toFixed(1);
const cost = (m: Measured, store: string) =>
  Number.isNaN(m.serverUs) ? '' : `   CPU per event: server ${m.serverUs.toFixed(1)} µs${store === 'postgres' && !Number.isNaN(m.databaseUs) ? `, PostgreSQL ${m.databaseUs.toFixed(1)} µs` : ''}`;

/** Events per second through HTTP, batches of 500, beside a bare endpoint that only parses them. */
export async function eventsBench(): Promise<void> {
  const stores: ('pglite' | 'postgres')[] = process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
  console.log(`\nEvent ingestion: batches of ${BATCH} over HTTP, ${CONNECTIONS.postgres} connections (PGlite ${CONNECTIONS.pglite}), ${SECONDS} s; ${cpus().length} CPU cores, load average ${load()} at start`);
  const bare = await measure('bare', 'pglite');
  console.log(`  bare Hono (parse JSON, no storage)  ${Math.round(bare.eventsPerSecond).toLocaleString('en').padStart(9)} events/s${cost(bare, 'bare')}`);
  for (const store of stores) {
    const ours = await measure('switchboard', store);
    const target = store === 'postgres' ? `   target >= 100,000/s: ${ours.eventsPerSecond >= 100_000 ? 'met' : 'NOT met'}` : '';
    // On a shared machine the rate follows the neighbours; the CPU per event says what idle cores would give.
    const ceiling = store === 'postgres' && !Number.isNaN(ours.databaseUs) ? `   (${cpus().length} idle cores at this CPU per event: ~${Math.round((cpus().length * 1e6) / (ours.serverUs + ours.databaseUs)).toLocaleString('en')}/s)` : '';
    console.log(
      `  Switchboard on ${store.padEnd(8)}            ${Math.round(ours.eventsPerSecond).toLocaleString('en').padStart(9)} events/s (${((ours.eventsPerSecond / bare.eventsPerSecond) * 100).toFixed(0)}% of bare)${target}${cost(ours, store)}${ceiling}   load ${load()}`,
    );
  }
  if (!process.env.DATABASE_URL) console.log('  (PostgreSQL: run `PG_DURABLE=1 scripts/with-postgres.sh npm run bench` to include it, with fsync on)');
}
