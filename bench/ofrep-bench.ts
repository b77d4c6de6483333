import { load, startBenchServer, type LoadResult } from './lib/load';

interface ServerInfo {
  port: number;
  key: string;
  body: string;
}

const PARAMETERS = 200;
const CONNECTIONS = 50;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

// Latency is read at a steady rate well below saturation: at full load every server's p99 is
// its queue, which says nothing about the work per request.
const STEADY_RATE = 2000;

async function measure(mode: 'switchboard' | 'bare'): Promise<{ saturated: LoadResult; steady: LoadResult }> {
  const server = await startBenchServer<ServerInfo>('bench/servers/ofrep-server.ts', { MODE: mode, PARAMETERS: String(PARAMETERS) });
  try {
    const { port, key, body } = server.info;
    const options = {
      url: `http://127.0.0.1:${port}/ofrep/v1/evaluate/flags`,
      connections: CONNECTIONS,
      seconds: SECONDS,
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body,
    };
    return { saturated: await load(options), steady: await load({ ...options, rate: STEADY_RATE }) };
  } finally {
    await server.stop();
  }
}

/** OFREP bulk evaluation of 200 parameters vs a bare Hono endpoint returning the same body. */
export async function ofrepBench(): Promise<void> {
  console.log(`\nOFREP bulk evaluation: ${PARAMETERS} parameters, ${CONNECTIONS} connections, ${SECONDS} s, loopback`);
  const bare = await measure('bare');
  const ours = await measure('switchboard');
  const row = (name: string, r: { saturated: LoadResult; steady: LoadResult }) =>
    `  ${name.padEnd(28)} ${r.saturated.requestsPerSecond.toFixed(0).padStart(7)} req/s (p99 ${String(r.saturated.p99Ms).padStart(3)} ms at saturation)   ` +
    `p50 ${r.steady.p50Ms} ms, p99 ${String(r.steady.p99Ms).padStart(3)} ms at ${STEADY_RATE} req/s   errors ${r.saturated.errors + r.saturated.non2xx + r.steady.errors + r.steady.non2xx}`;
  console.log(row('bare Hono, precomputed body', bare));
  console.log(row('Switchboard OFREP', ours));
  const ratio = ours.saturated.requestsPerSecond / bare.saturated.requestsPerSecond;
  const met = ratio >= 0.6 && ours.steady.p99Ms < 10;
  console.log(`  throughput ${(ratio * 100).toFixed(0)}% of bare (target >= 60%); p99 ${ours.steady.p99Ms} ms at ${STEADY_RATE} req/s (target < 10 ms): ${met ? 'met' : 'NOT met'}`);
}
