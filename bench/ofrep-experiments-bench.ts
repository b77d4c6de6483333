import { cpus, loadavg } from 'node:os';
import autocannon from 'autocannon';
import { startBenchServer } from './lib/load';
import { processCpu, threadCpu } from './lib/process-cpu';

const PARAMETERS = 200;
const EXPERIMENTS = 20;
const CONNECTIONS = 50;
const ROUNDS = 3;
const SECONDS = Math.max(3, Math.round(Number(process.env.BENCH_SECONDS ?? 10) / 2));
// Every request is a different user (as in production, and so no answer can be reused from the
// last request): most are first sightings, so exposures are recorded throughout the run.
const USERS = 200_000;
const COUNTRIES = ['CA', 'US', 'FR', 'DE', 'GB'];

interface Server {
  port: number;
  key: string;
  pid: number;
}

interface Round {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  cpuUsPerRequest: number;
  /** Of that CPU, the request thread's and the database thread's (PGlite on its worker). */
  mainUsPerRequest: number;
  databaseUsPerRequest: number;
  /** Shares of the round's wall time the request thread spent on a core, and ready but waiting for one. */
  mainRunningShare: number;
  mainWaitingShare: number;
  failed: number;
}

let nextUser = 0;
async function round(server: Server): Promise<Round> {
  const cpu0 = processCpu(server.pid);
  const threads0 = threadCpu(server.pid);
  const started = performance.now();
  const result = await autocannon({
    url: `http://127.0.0.1:${server.port}/ofrep/v1/evaluate/flags`,
    connections: CONNECTIONS,
    duration: SECONDS,
    method: 'POST',
    headers: { authorization: `Bearer ${server.key}`, 'content-type': 'application/json' },
    requests: [{
      setupRequest: (request: object) => {
        const n = nextUser++ % USERS;
        return { ...request, body: JSON.stringify({ context: { targetingKey: `bench-user-${n}`, country: COUNTRIES[n % COUNTRIES.length], platform: n % 2 ? 'ios' : 'android' } }) };
      },
    }],
  });
  const threads1 = threadCpu(server.pid);
  const wallSeconds = (performance.now() - started) / 1000;
  return {
    mainRunningShare: (threads1.main - threads0.main) / wallSeconds,
    mainWaitingShare: (threads1.mainWaited - threads0.mainWaited) / wallSeconds,
    mainUsPerRequest: ((threads1.main - threads0.main) / result.requests.total) * 1e6,
    databaseUsPerRequest: ((threads1.database - threads0.database) / result.requests.total) * 1e6,
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    cpuUsPerRequest: ((processCpu(server.pid) - cpu0) / result.requests.total) * 1e6,
    failed: result.errors + result.non2xx,
  };
}

/** How many of a user's flags come from an experiment (reason SPLIT): proof the experiments are evaluated. */
async function splitFlags(server: Server): Promise<number> {
  let total = 0;
  for (let n = 0; n < 50; n++) {
    const response = await fetch(`http://127.0.0.1:${server.port}/ofrep/v1/evaluate/flags`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ context: { targetingKey: `probe-${n}`, country: COUNTRIES[n % COUNTRIES.length] } }),
    });
    const body = (await response.json()) as { flags: { reason?: string }[] };
    total += body.flags.filter((f) => f.reason === 'SPLIT').length;
  }
  return total / 50;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const percent = (shares: number[]) => `${(median(shares) * 100).toFixed(0)}%`;

/** OFREP bulk (200 parameters) with 20 running experiments vs the same bulk with none, in interleaved rounds. */
export async function ofrepExperimentsBench(): Promise<void> {
  console.log(`\nOFREP bulk with ${EXPERIMENTS} running experiments: ${PARAMETERS} parameters, ${CONNECTIONS} connections, a new user per request, ${ROUNDS} interleaved rounds of ${SECONDS} s; ${cpus().length} CPU cores, load average ${loadavg()[0].toFixed(1)}`);
  const reference = await startBenchServer<Server>('bench/servers/ofrep-experiments-server.ts', { PARAMETERS: String(PARAMETERS), EXPERIMENTS: '0' });
  const ours = await startBenchServer<Server>('bench/servers/ofrep-experiments-server.ts', { PARAMETERS: String(PARAMETERS), EXPERIMENTS: String(EXPERIMENTS) });
  try {
    const perUser = await splitFlags(ours.info);
    await round(reference.info); // warm-up of both (JIT, caches)
    await round(ours.info);
    const rounds: { reference: Round; ours: Round }[] = [];
    for (let r = 0; r < ROUNDS; r++) rounds.push({ reference: await round(reference.info), ours: await round(ours.info) });
    const row = (name: string, pick: (r: { reference: Round; ours: Round }) => Round) => {
      const list = rounds.map(pick);
      return `  ${name.padEnd(34)} ${median(list.map((r) => r.requestsPerSecond)).toFixed(0).padStart(6)} req/s   p50 ${median(list.map((r) => r.p50Ms))} ms, p99 ${median(list.map((r) => r.p99Ms))} ms at saturation   CPU ${median(list.map((r) => r.cpuUsPerRequest)).toFixed(0)} µs/request (request thread ${median(list.map((r) => r.mainUsPerRequest)).toFixed(0)}, database thread ${median(list.map((r) => r.databaseUsPerRequest)).toFixed(0)}; request thread on a core ${percent(list.map((r) => r.mainRunningShare))} of the time, ready but waiting for one ${percent(list.map((r) => r.mainWaitingShare))})   errors ${list.reduce((s, r) => s + r.failed, 0)}`;
    };
    console.log(row('no experiments (reference)', (r) => r.reference));
    console.log(row(`${EXPERIMENTS} running experiments`, (r) => r.ours));
    const ratio = median(rounds.map((r) => r.ours.requestsPerSecond / r.reference.requestsPerSecond));
    console.log(`  with experiments: ${(ratio * 100).toFixed(0)}% of the reference's throughput (median of per-round ratios); ${perUser.toFixed(1)} of ${PARAMETERS} flags per user come from an experiment (SPLIT); load average ${loadavg()[0].toFixed(1)}`);
  } finally {
    await Promise.all([reference.stop(), ours.stop()]);
  }
}
