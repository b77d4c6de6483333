import { availableParallelism, loadavg } from 'node:os';
import { startBenchServer } from './lib/load';
import { poolLatencies, type PacedResult } from './lib/paced-load';
import { steadyOfrepRun, type OfrepServerInfo } from './lib/steady-ofrep';
import { readStalls, type StallReading } from './lib/stall-monitor';

interface ServerInfo extends OfrepServerInfo {
  cookie?: string;
  csrf?: string;
}
interface Server {
  info: ServerInfo;
  stop: () => Promise<void>;
}

const PARAMETERS = 200;
const KNOWN_USERS = Number(process.env.KNOWN_USERS ?? 100_000);
const CONNECTIONS = 50;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const STEADY_RATE = 2000;
/** Near the worst the limits allow (src/shared/targeting/testing/regex-worst-case.ts): ~10-20 ms per test on a 1,000-char value. */
const HOSTILE_PATTERN = '[ab]*a[ab]{990}$';

type Mode = 'bare' | 'idle' | 'reach';
const LABELS: Record<Mode, string> = { bare: 'bare Hono', idle: 'Switchboard', reach: 'Switchboard + reach' };

const loadAverage = () => loadavg().map((l) => l.toFixed(2)).join(' ');
const stallText = (r: StallReading) => `loop delay max ${r.loopMaxMs} ms, GC max ${r.gcMaxMs} ms`;

interface ReachAnswer {
  matched: number;
  total: number;
  exact: boolean;
  margin: number;
  sampleSize: number;
  computedMs: number;
}

async function askReach(server: Server, condition: Record<string, unknown>): Promise<{ status: number; reach?: ReachAnswer; ms: number }> {
  const { port, cookie, csrf } = server.info;
  const started = performance.now();
  const response = await fetch(`http://127.0.0.1:${port}/api/segments/reach`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: cookie!, 'x-csrf-token': csrf! },
    body: JSON.stringify({ definition: { kind: 'condition', condition } }),
  });
  const json = (await response.json()) as ReachAnswer;
  return { status: response.status, reach: response.ok ? json : undefined, ms: performance.now() - started };
}

const reachText = (r: ReachAnswer) =>
  `${r.matched.toLocaleString('en')} ± ${r.margin.toLocaleString('en')} of ${r.total.toLocaleString('en')}, ${r.exact ? 'exact' : `sampled from ${r.sampleSize.toLocaleString('en')} users`}, ${r.computedMs} ms`;

/** A viewer asking for reach with the hostile pattern again and again until stopped. */
function reachLoop(server: Server) {
  let running = true;
  const answers: ReachAnswer[] = [];
  let refused = 0;
  const done = (async () => {
    while (running) {
      const { status, reach } = await askReach(server, { ua: { $regex: HOSTILE_PATTERN } });
      if (reach) answers.push(reach);
      else refused++;
      if (status !== 200 && status !== 429) throw new Error(`reach answered ${status}`);
    }
  })();
  return {
    stop: async () => {
      running = false;
      await done;
      return { answers, refused };
    },
  };
}

/** OFREP p99 at a steady 2,000 req/s beside bare, with Switchboard idle and while a viewer runs reach with a hostile pattern. */
export async function ofrepReachBench(): Promise<void> {
  console.log(`\nOFREP while a viewer runs reach: ${PARAMETERS} parameters, ${KNOWN_USERS.toLocaleString('en')} known users (1,000-char \`ua\`), ${ROUNDS} rounds of ${SECONDS} s at ${STEADY_RATE} req/s`);
  console.log(`  machine: ${availableParallelism()} CPUs, load average ${loadAverage()} (1, 5, 15 min) at start`);
  let bare: Server | null = null;
  let switchboard: Server | null = null;
  try {
    const startedAt = performance.now();
    [bare, switchboard] = await Promise.all([
      startBenchServer<ServerInfo>('bench/servers/ofrep-server.ts', { MODE: 'bare', PARAMETERS: String(PARAMETERS) }),
      startBenchServer<ServerInfo>('bench/ofrep-reach-server.ts', { PARAMETERS: String(PARAMETERS), KNOWN_USERS: String(KNOWN_USERS) }),
    ]);
    console.log(`  servers ready in ${((performance.now() - startedAt) / 1000).toFixed(0)} s`);
    const servers: Record<Mode, Server> = { bare, idle: switchboard, reach: switchboard };

    // Each alone, with the server's own loop delay over it: what holds the thread, and how long.
    const { stallsPort } = switchboard.info;
    const alone = async (condition: Record<string, unknown>) => {
      await readStalls(stallsPort);
      const answer = await askReach(switchboard!, condition);
      if (!answer.reach) throw new Error(`reach answered ${answer.status}`);
      return { ...answer, reach: answer.reach, stalls: await readStalls(stallsPort) };
    };
    const ordinary = await alone({ country: 'CA' }); // loads the sample
    const ordinaryAgain = await alone({ country: 'CA' });
    const hostile = await alone({ ua: { $regex: HOSTILE_PATTERN } });
    console.log(`  first reach (loads the sample): ${ordinary.ms.toFixed(0)} ms; ${stallText(ordinary.stalls)}`);
    console.log(`  reach country = CA: ${reachText(ordinaryAgain.reach)}; ${stallText(ordinaryAgain.stalls)}`);
    console.log(`  reach ua ~ /${HOSTILE_PATTERN}/: ${reachText(hostile.reach)}, answered in ${hostile.ms.toFixed(0)} ms; ${stallText(hostile.stalls)}`);

    const runs: Record<Mode, PacedResult[]> = { bare: [], idle: [], reach: [] };
    const modes: Mode[] = ['bare', 'idle', 'reach'];
    for (let round = 0; round < ROUNDS; round++) {
      const order = round % 2 === 0 ? modes : [...modes].reverse();
      const line: string[] = [];
      for (const mode of order) {
        const viewer = mode === 'reach' ? reachLoop(switchboard) : null;
        const { run, stalls } = await steadyOfrepRun(servers[mode].info, { connections: CONNECTIONS, rate: STEADY_RATE, seconds: SECONDS });
        const viewed = await viewer?.stop();
        runs[mode].push(run);
        const extra = viewed ? `; ${viewed.answers.length} reach answers${viewed.refused ? `, ${viewed.refused} refused` : ''}${viewed.answers[0] ? `, e.g. ${reachText(viewed.answers[0])}` : ''}` : '';
        line.push(`${LABELS[mode]} p99 ${run.p99Ms} ms (max ${run.maxMs}; ${stallText(stalls)}; errors ${run.errors + run.non2xx}${extra})`);
      }
      console.log(`  round ${round + 1}: ${line.join(' | ')}; load average ${loadAverage()}`);
    }
    const pooled = (mode: Mode) => poolLatencies(runs[mode]);
    for (const mode of modes) {
      const p = pooled(mode);
      console.log(`  ${LABELS[mode].padEnd(22)} p50 ${p.p50Ms} ms, p90 ${p.p90Ms} ms, p99 ${String(p.p99Ms).padStart(5)} ms, max ${p.maxMs} ms`);
    }
    const p99 = pooled('reach').p99Ms;
    console.log(`  p99 while reach runs ${p99} ms (target < 10 ms; idle ${pooled('idle').p99Ms} ms, bare ${pooled('bare').p99Ms} ms): ${p99 < 10 ? 'met' : 'NOT met'}`);
    console.log(`  load average ${loadAverage()} at end${loadavg()[0] > availableParallelism() ? ' (above the CPU count: other processes compete; read against bare)' : ''}`);
  } finally {
    await Promise.all([bare, switchboard].filter((s): s is Server => s !== null).map((s) => s.stop()));
  }
}
