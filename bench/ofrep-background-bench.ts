import { availableParallelism, loadavg } from 'node:os';
import { startBenchServer } from './lib/load';
import { poolLatencies, type PacedResult } from './lib/paced-load';
import type { StallReading } from './lib/stall-monitor';
import { steadyOfrepRun, type OfrepServerInfo } from './lib/steady-ofrep';

interface ServerInfo extends OfrepServerInfo {
  controlPort?: number;
  cookie?: string;
  csrf?: string;
  experimentId?: string;
}
interface Server {
  info: ServerInfo;
  stop: () => Promise<void>;
}

const PARAMETERS = 200;
const USERS = Number(process.env.BENCH_USERS ?? 1_000_000);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 2_000_000);
const CONNECTIONS = 50;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const STEADY_RATE = 2000;
// BENCH_WORK=rollups,results-to,results,reach (default: all at once) picks the background work.
const WORK = (process.env.BENCH_WORK ?? 'rollups,results-to,results,reach').split(',') as ('rollups' | 'results-to' | 'results' | 'reach')[];

type Mode = 'bare' | 'idle' | 'busy';
const LABELS: Record<Mode, string> = { bare: 'bare Hono', idle: 'Switchboard idle', busy: 'Switchboard + background' };

const loadAverage = () => loadavg().map((l) => l.toFixed(2)).join(' ');
const stallText = (r: StallReading) => `loop delay p99 ${r.loopP99Ms} ms, max ${r.loopMaxMs} ms, GC max ${r.gcMaxMs} ms`;

/** One kind of background work, repeated until stopped: how many finished and how long each took. */
function repeat(name: string, work: () => Promise<void>) {
  let running = true;
  const seconds: number[] = [];
  const done = (async () => {
    while (running) {
      const started = performance.now();
      await work();
      seconds.push((performance.now() - started) / 1000);
    }
  })();
  return {
    stop: async () => {
      running = false;
      await done;
      const longest = seconds.length ? Math.max(...seconds) : 0;
      return `${seconds.length} ${name} (longest ${longest.toFixed(1)} s)`;
    },
  };
}

/** The dashboard's and the ingest side's heavy work on the same server: rollup rebuilds, results with an end date, reach. */
function background(server: Server) {
  const { port, controlPort, cookie, csrf, experimentId } = server.info;
  const api = async (path: string, init: RequestInit = {}) => {
    const response = await fetch(`http://127.0.0.1:${port}${path}`, { ...init, headers: { cookie: cookie!, 'x-csrf-token': csrf!, 'content-type': 'application/json', ...init.headers } });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
  };
  const all = {
    rollups: () => repeat('rollup rebuilds', async () => {
      const response = await fetch(`http://127.0.0.1:${controlPort}/`, { method: 'POST' });
      if (response.status !== 200) throw new Error(`the rollup rebuild failed: ${await response.text()}`);
      await response.arrayBuffer();
    }),
    // An end date cannot use the rollups: each of these joins the events.
    'results-to': () => repeat('results with an end date', () => api(`/api/experiments/${experimentId}/results?to=2026-12-31`)),
    results: () => repeat('results', () => api(`/api/experiments/${experimentId}/results?engine=bayesian`)),
    reach: () => repeat('reach requests', () => api('/api/segments/reach', { method: 'POST', body: JSON.stringify({ definition: { kind: 'condition', condition: { country: 'CA' } } }) })),
  };
  const loops = WORK.map((name) => all[name]());
  return { stop: async () => (await Promise.all(loops.map((loop) => loop.stop()))).join(', ') };
}

/**
 * OFREP at a steady 2,000 req/s beside a bare server, with Switchboard idle and while its
 * database (PGlite, on its own thread) rebuilds a large experiment's rollups and answers results
 * and reach requests: the event loop that answers apps must not wait for any of it.
 */
export async function ofrepBackgroundBench(): Promise<void> {
  console.log(
    `\nOFREP beside background work on PGlite: ${PARAMETERS} parameters, an experiment of ${USERS.toLocaleString('en')} exposed users and ` +
      `${EVENTS.toLocaleString('en')} events; ${ROUNDS} rounds of ${SECONDS} s at ${STEADY_RATE} req/s`,
  );
  console.log(`  machine: ${availableParallelism()} CPUs, load average ${loadAverage()} (1, 5, 15 min) at start`);
  let bare: Server | null = null;
  let switchboard: Server | null = null;
  try {
    const startedAt = performance.now();
    [bare, switchboard] = await Promise.all([
      startBenchServer<ServerInfo>('bench/servers/ofrep-server.ts', { MODE: 'bare', PARAMETERS: String(PARAMETERS) }),
      startBenchServer<ServerInfo>('bench/servers/ofrep-background-server.ts', { PARAMETERS: String(PARAMETERS), USERS: String(USERS), EVENTS: String(EVENTS) }),
    ]);
    console.log(`  servers ready in ${((performance.now() - startedAt) / 1000).toFixed(0)} s (seeded, rollups built once)`);
    const servers: Record<Mode, Server> = { bare, idle: switchboard, busy: switchboard };

    const runs: Record<Mode, PacedResult[]> = { bare: [], idle: [], busy: [] };
    const stalls: Record<Mode, StallReading[]> = { bare: [], idle: [], busy: [] };
    const modes: Mode[] = ['bare', 'idle', 'busy'];
    for (let round = 0; round < ROUNDS; round++) {
      const order = round % 2 === 0 ? modes : [...modes].reverse();
      const line: string[] = [];
      for (const mode of order) {
        const work = mode === 'busy' ? background(switchboard) : null;
        const { run, stalls: reading } = await steadyOfrepRun(servers[mode].info, { connections: CONNECTIONS, rate: STEADY_RATE, seconds: SECONDS });
        const done = await work?.stop();
        runs[mode].push(run);
        stalls[mode].push(reading);
        line.push(`${LABELS[mode]} p99 ${run.p99Ms} ms (max ${run.maxMs}; ${stallText(reading)}; errors ${run.errors + run.non2xx}${done ? `; finished ${done}` : ''})`);
      }
      console.log(`  round ${round + 1}: ${line.join(' | ')}; load average ${loadAverage()}`);
    }
    for (const mode of modes) {
      const p = poolLatencies(runs[mode]);
      console.log(`  ${LABELS[mode].padEnd(26)} p50 ${p.p50Ms} ms, p90 ${p.p90Ms} ms, p99 ${String(p.p99Ms).padStart(5)} ms, max ${p.maxMs} ms`);
    }
    const p99 = poolLatencies(runs.busy).p99Ms;
    const worstDelay = (mode: Mode) => Math.max(...stalls[mode].map((r) => r.loopMaxMs));
    const delayGap = worstDelay('busy') - worstDelay('bare');
    console.log(`  p99 with background work ${p99} ms (target < 10 ms; idle ${poolLatencies(runs.idle).p99Ms} ms, bare ${poolLatencies(runs.bare).p99Ms} ms): ${p99 < 10 ? 'met' : 'NOT met'}`);
    console.log(
      `  longest event-loop delay with background work ${worstDelay('busy')} ms, bare's ${worstDelay('bare')} ms ` +
        `(target: within 2 ms of bare's): ${delayGap <= 2 ? 'met' : 'NOT met'}`,
    );
    console.log(`  load average ${loadAverage()} at end${loadavg()[0] > availableParallelism() ? ' (above the CPU count: other processes compete; read against bare)' : ''}`);
  } finally {
    await Promise.all([bare, switchboard].filter((s): s is Server => s !== null).map((s) => s.stop()));
  }
}
