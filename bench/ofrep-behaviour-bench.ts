import { availableParallelism, loadavg } from 'node:os';
import autocannon from 'autocannon';
import { seededRandom } from '../src/shared/seeded-random';
import {
  freshnessAfterPurchase,
  mib,
  sendUserEvents,
  serverMemory,
  startBehaviourServer,
  type BehaviourServer,
} from './lib/behaviour-clients';
import { pacedLoad, poolLatencies, type PacedResult } from './lib/paced-load';
import { processCpu } from './lib/process-cpu';
import { readStalls, type StallReading } from './lib/stall-monitor';
import { BEHAVIOUR_SEGMENTS, param } from './servers/behaviour-seed';

// BENCH=ofrep-behaviour: OFREP bulk evaluation (200 parameters, as BENCH=ofrep) on real servers
// that differ only in their segments: "with" has the ten behavioural segments, each targeted by a
// rule on one of the first ten parameters; "without" has no segments (the target's reference);
// "attribute" has the same ten rules on attribute segments that split users as often, so the
// answers vary per user as with behaviour (what the behaviour state itself costs is with against
// attribute). All receive the same events of USERS users through POST /sdk/v1/events first, and
// every request asks for a user drawn from them, so "with" answers from the state of each.
const USERS = Number(process.env.BEHAVIOUR_USERS ?? 100_000);
const PARAMETERS = 200;
const BATCH = 1000;
const CONNECTIONS = 50;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const STEADY_RATE = 2000;
const TARGET = 0.8;

type Mode = 'without' | 'attribute' | 'with';
const MODES: Mode[] = ['without', 'attribute', 'with'];
const NAMES: Record<Mode, string> = { without: 'without segments', attribute: 'attribute segments', with: 'behavioural segments' };
/** Each round starts with another server, so a change in what else the machine does lands on all. */
const orderOf = (round: number): Mode[] => MODES.map((_, i) => MODES[(i + round) % MODES.length]);

const loadAverage = () => loadavg().map((l) => l.toFixed(2)).join(' ');
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const stallText = (r: StallReading) => `loop delay p99 ${r.loopP99Ms} ms, max ${r.loopMaxMs} ms; GC longest ${r.gcMaxMs} ms`;

/** Request bodies for users drawn (seeded) from the USERS with state, half of them in Canada. */
function requestBodies(count: number): string[] {
  const random = seededRandom(14);
  return Array.from({ length: count }, () =>
    JSON.stringify({ context: { targetingKey: `u${Math.floor(random() * USERS)}`, country: random() < 0.5 ? 'CA' : 'US', platform: 'ios' } }),
  );
}

const url = (server: BehaviourServer) => `http://127.0.0.1:${server.info.port}/ofrep/v1/evaluate/flags`;
const headers = (server: BehaviourServer) => ({ authorization: `Bearer ${server.info.key}`, 'content-type': 'application/json' });

interface Saturated {
  requestsPerSecond: number;
  errors: number;
  cpuMicrosPerRequest: number;
}

async function saturate(server: BehaviourServer, bodies: string[]): Promise<Saturated> {
  let next = 0;
  const run = (duration: number) =>
    autocannon({
      url: url(server),
      connections: CONNECTIONS,
      duration,
      method: 'POST',
      headers: headers(server),
      requests: [{ method: 'POST', setupRequest: (request) => ({ ...request, body: bodies[next++ % bodies.length] }) }],
    });
  await run(2);
  const cpu0 = processCpu(server.info.pid);
  const result = await run(SECONDS);
  const cpu = processCpu(server.info.pid) - cpu0;
  return { requestsPerSecond: result.requests.average, errors: result.errors + result.non2xx, cpuMicrosPerRequest: (cpu * 1e6) / result.requests.total };
}

/** Sanity: how many of 1,000 users each segment's parameter serves its rule value (its membership). */
async function membership(server: BehaviourServer, bodies: string[]): Promise<number[]> {
  const counts = BEHAVIOUR_SEGMENTS.map(() => 0);
  for (const body of bodies.slice(0, 1000)) {
    const response = await fetch(url(server), { method: 'POST', headers: headers(server), body });
    if (response.status !== 200) throw new Error(`OFREP answered ${response.status}: ${await response.text()}`);
    const { flags } = (await response.json()) as { flags: { key: string; reason: string }[] };
    BEHAVIOUR_SEGMENTS.forEach((_, n) => {
      if (flags.find((f) => f.key === param(n))?.reason === 'TARGETING_MATCH') counts[n]++;
    });
  }
  return counts.map((c) => c / 1000);
}

export async function ofrepBehaviourBench(): Promise<void> {
  console.log(
    `\nOFREP bulk evaluation with behavioural segments: ${PARAMETERS} parameters, ${BEHAVIOUR_SEGMENTS.length} behavioural segments targeted by rules ("with") ` +
      `or none ("without") or attribute segments instead ("attribute"), ${USERS.toLocaleString('en')} users with events, ${CONNECTIONS} connections, ${ROUNDS} rounds of ${SECONDS} s each, loopback, PGlite`,
  );
  console.log(`  machine: ${availableParallelism()} CPUs, load average ${loadAverage()} (1, 5, 15 min) at start`);
  const servers = {} as Record<Mode, BehaviourServer>;
  try {
    const segments: Record<Mode, string> = { without: 'none', attribute: 'attribute', with: 'behaviour' };
    for (const mode of MODES) servers[mode] = await startBehaviourServer({ SEGMENTS: segments[mode], PARAMETERS: String(PARAMETERS) });
    for (const mode of MODES) {
      const sent = await sendUserEvents(servers[mode], USERS, BATCH);
      console.log(
        `  ${mode.padEnd(9)}: sent ${sent.events.toLocaleString('en')} events of ${USERS.toLocaleString('en')} users through POST /sdk/v1/events in batches of ${BATCH} ` +
          `in ${sent.seconds.toFixed(1)} s (${Math.round(sent.events / sent.seconds).toLocaleString('en')} events/s)`,
      );
    }
    const caughtUp = await freshnessAfterPurchase(servers.with);
    const memory = await serverMemory(servers.with);
    console.log(`  with     : state caught up ${(caughtUp / 1000).toFixed(2)} s after the last acknowledged batch; server RSS ${mib(memory.rss)}, heap ${mib(memory.heapUsed)}; state ${JSON.stringify(memory.stats)}`);

    const bodies = requestBodies(20_000);
    const shares = await membership(servers.with, bodies);
    console.log(`  membership of 1,000 requested users: ${BEHAVIOUR_SEGMENTS.map((s, n) => `${s.name} ${(shares[n] * 100).toFixed(0)}%`).join(', ')}`);
    if (shares.every((s) => s === 0)) console.log('  note: no requested user is in any behavioural segment: the state is not in the evaluation path');
    const attributeShares = await membership(servers.attribute, bodies);
    console.log(`  attribute segments' membership of the same users: ${attributeShares.map((s) => `${(s * 100).toFixed(0)}%`).join(', ')}`);

    const saturated: Record<Mode, Saturated[]> = { without: [], attribute: [], with: [] };
    for (let round = 0; round < ROUNDS; round++) {
      for (const mode of orderOf(round)) saturated[mode].push(await saturate(servers[mode], bodies));
      const rate = (mode: Mode) => saturated[mode][round].requestsPerSecond;
      console.log(
        `  round ${round + 1}: ${MODES.map((mode) => `${mode} ${rate(mode).toFixed(0)} req/s`).join(', ')} ` +
          `(with ${((rate('with') / rate('without')) * 100).toFixed(0)}% of without), load average ${loadAverage()}`,
      );
    }

    const steadyRuns: Record<Mode, PacedResult[]> = { without: [], attribute: [], with: [] };
    for (let round = 0; round < ROUNDS; round++) {
      const stalls = {} as Record<Mode, StallReading>;
      for (const mode of orderOf(round)) {
        const stallsPort = servers[mode].info.stallsPort;
        steadyRuns[mode].push(
          await pacedLoad({
            url: url(servers[mode]),
            headers: headers(servers[mode]),
            bodies,
            rate: STEADY_RATE,
            connections: CONNECTIONS,
            seconds: SECONDS,
            warmupSeconds: 1,
            beforeMeasure: () => readStalls(stallsPort).then(() => {}),
          }),
        );
        stalls[mode] = await readStalls(stallsPort);
      }
      console.log(
        `  steady round ${round + 1} at ${STEADY_RATE} req/s: ` +
          `${MODES.map((mode) => `${mode} p99 ${steadyRuns[mode][round].p99Ms} ms (${stallText(stalls[mode])}; late sends ${steadyRuns[mode][round].lateSends})`).join(', ')}, ` +
          `load average ${loadAverage()}`,
      );
    }

    const row = (mode: Mode) => {
      const runs = saturated[mode];
      const pooled = poolLatencies(steadyRuns[mode]);
      const errors = runs.reduce((n, r) => n + r.errors, 0) + steadyRuns[mode].reduce((n, r) => n + r.errors + r.non2xx, 0);
      const cpu = runs.map((r) => r.cpuMicrosPerRequest).filter((c) => !Number.isNaN(c));
      return (
        `  ${NAMES[mode].padEnd(22)} ${median(runs.map((r) => r.requestsPerSecond)).toFixed(0).padStart(7)} req/s median ` +
        `(server CPU ${cpu.length ? median(cpu).toFixed(0) : 'n/a'} µs/request)   p50 ${pooled.p50Ms} ms, p99 ${String(pooled.p99Ms).padStart(4)} ms, max ${pooled.maxMs} ms ` +
        `at ${STEADY_RATE} req/s evenly spaced   errors ${errors}`
      );
    };
    for (const mode of MODES) console.log(row(mode));
    const compare = (reference: Mode) => {
      const ratios = saturated.with.map((b, i) => b.requestsPerSecond / saturated[reference][i].requestsPerSecond);
      const cpu = median(saturated[reference].map((r) => r.cpuMicrosPerRequest)) / median(saturated.with.map((r) => r.cpuMicrosPerRequest));
      const text = `${(median(ratios) * 100).toFixed(0)}% of ${reference}, median of rounds ${ratios.map((r) => `${(r * 100).toFixed(0)}%`).join(', ')}${Number.isNaN(cpu) ? '' : `; by server CPU per request ${(cpu * 100).toFixed(0)}%`}`;
      return { ratio: median(ratios), text };
    };
    const target = compare('without');
    console.log(`  throughput with behavioural segments = ${target.text} (target >= ${TARGET * 100}%): ${target.ratio >= TARGET ? 'met' : 'NOT met'}`);
    console.log(`  the behaviour state alone (answers vary per user in both) = ${compare('attribute').text}`);
    console.log(`  p99 at ${STEADY_RATE} req/s: ${MODES.map((mode) => `${mode} ${poolLatencies(steadyRuns[mode]).p99Ms} ms`).join(', ')}`);
    console.log(`  load average ${loadAverage()} at end`);
    if (loadavg()[0] > availableParallelism()) {
      console.log('  note: the load average is above the CPU count: other processes compete with both servers and the load generator; read throughput by server CPU per request as well');
    }
  } finally {
    await Promise.all(Object.values(servers).map((server) => server.stop()));
  }
}
