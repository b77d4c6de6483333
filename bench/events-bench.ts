import autocannon from 'autocannon';
import { startBenchServer } from './lib/load';

const BATCH = 500;
const CONNECTIONS = 8;
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

async function measure(mode: 'switchboard' | 'bare', store: 'pglite' | 'postgres'): Promise<number> {
  const server = await startBenchServer<{ port: number; key: string }>('bench/servers/events-server.ts', { MODE: mode, STORE: store });
  const template = batchTemplate();
  let counter = 0;
  try {
    const result = await autocannon({
      url: `http://127.0.0.1:${server.info.port}/sdk/v1/events`,
      connections: CONNECTIONS,
      duration: SECONDS,
      method: 'POST',
      headers: { authorization: `Bearer ${server.info.key}`, 'content-type': 'application/json' },
      requests: [{ setupRequest: (request) => ({ ...request, body: template.replaceAll('%P%', `${mode}-${counter++}`) }) }],
    });
    if (result.non2xx > 0) console.log(`  (${result.non2xx} requests failed)`);
    return (result.requests.average * BATCH);
  } finally {
    await server.stop();
  }
}

/** Events per second through HTTP, batches of 500, beside a bare endpoint that only parses them. */
export async function eventsBench(): Promise<void> {
  const stores: ('pglite' | 'postgres')[] = process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
  console.log(`\nEvent ingestion: batches of ${BATCH} over HTTP, ${CONNECTIONS} connections, ${SECONDS} s`);
  const bare = await measure('bare', 'pglite');
  console.log(`  bare Hono (parse JSON, no storage)  ${Math.round(bare).toLocaleString('en').padStart(9)} events/s`);
  for (const store of stores) {
    const ours = await measure('switchboard', store);
    const target = store === 'postgres' ? `   target >= 50,000/s: ${ours >= 50_000 ? 'met' : 'NOT met'}` : '';
    console.log(`  Switchboard on ${store.padEnd(8)}            ${Math.round(ours).toLocaleString('en').padStart(9)} events/s (${((ours / bare) * 100).toFixed(0)}% of bare)${target}`);
  }
  if (!process.env.DATABASE_URL) console.log('  (PostgreSQL: run `scripts/with-postgres.sh npm run bench` to include it)');
}
