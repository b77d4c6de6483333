import { execFile } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { promisify } from 'node:util';
import { startBenchServer } from './lib/load';
import { processCpu } from './lib/process-cpu';
import { readStalls, type StallReading } from './lib/stall-monitor';
import { percentile, windowedLoad, type Window, type WindowedResult } from './lib/windowed-load';

// BENCH=soak: the real server (started as `npm start` starts it, PGlite in a fresh DATA_DIR) with
// 200 parameters and one running experiment, sent OFREP bulk evaluations at a steady rate, a new
// user (targetingKey) in every request, so each is a first sighting: assigned, exposure recorded,
// known user written. Targets: p99 under 10 ms and flat memory. The reference, run just after at
// the same rate for the same time, is the bare Hono server of BENCH=ofrep (a precomputed body):
// a tail it shows too is the machine's or the load generator's, not Switchboard's.
const RATE = Number(process.env.BENCH_RATE ?? 2000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 90);
const REFERENCE_SECONDS = Number(process.env.BENCH_REFERENCE_SECONDS ?? SECONDS);
const PARAMETERS = 200;
const CONNECTIONS = 50;
const WINDOW_SECONDS = 10;
const WARMUP_SECONDS = 2;
const TARGET_P99_MS = 10;
// Growth past this, over the second half (after start-up caches and JIT have settled), is a leak.
const FLAT_MIB_PER_MIN = 1;
const COUNTRIES = ['CA', 'US', 'FR', 'DE', 'GB'];

interface ServerInfo {
  port: number;
  key: string;
  pid: number;
  stallsPort: number;
}

const remembered = (sizes: Record<string, number> | undefined) =>
  sizes ? `remembered: ${sizes.exposedUsers} exposed users in ${sizes.exposedMiB.toFixed(1)} MiB, ${sizes.knownUsers} users written lately in ${sizes.knownMiB.toFixed(1)} MiB` : 'remembered: not reported';
// The PGlite worker's heap and WebAssembly memory, when the server reports them; the rest of RSS is code, other native memory and the allocator's free lists.
const workerMemory = (s: StallReading) => {
  const heap = s.extra?.workerHeapTotalMiB ?? Number.NaN;
  const wasm = s.extra?.workerWasmMiB ?? Number.NaN;
  const rest = s.rssMiB - s.heapTotalMiB - s.externalMiB - (Number.isFinite(heap + wasm) ? heap + wasm : 0);
  return `PGlite worker heap ${heap.toFixed(0)}, its WebAssembly memory ${wasm.toFixed(0)}, rest ${rest.toFixed(0)}`;
};
const loadAverage = () => loadavg().map((l) => l.toFixed(2)).join(' ');
const bodyFor = (run: string) => (i: number) =>
  JSON.stringify({ context: { targetingKey: `soak-${run}-${i}`, country: COUNTRIES[i % COUNTRIES.length], platform: i % 2 ? 'ios' : 'android' } });

/** Least-squares slope of [seconds, MiB] samples, in MiB per minute. */
function slopePerMinute(samples: [number, number][]): number {
  const points = samples.filter(([, mib]) => Number.isFinite(mib));
  if (points.length < 2) return Number.NaN;
  const meanT = points.reduce((s, [t]) => s + t, 0) / points.length;
  const meanM = points.reduce((s, [, m]) => s + m, 0) / points.length;
  const cov = points.reduce((s, [t, m]) => s + (t - meanT) * (m - meanM), 0);
  const varT = points.reduce((s, [t]) => s + (t - meanT) ** 2, 0);
  return varT === 0 ? Number.NaN : (cov / varT) * 60;
}

/** Proof the experiment is evaluated: the share of new users whose param_000 comes from it (reason SPLIT). */
async function splitShare(info: ServerInfo): Promise<number> {
  let split = 0;
  for (let n = 0; n < 40; n++) {
    const response = await fetch(`http://127.0.0.1:${info.port}/ofrep/v1/evaluate/flags`, {
      method: 'POST',
      headers: { authorization: `Bearer ${info.key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ context: { targetingKey: `probe-${n}` } }),
    });
    if (response.status !== 200) throw new Error(`OFREP answered ${response.status}: ${await response.text()}`);
    const body = (await response.json()) as { flags: { key: string; reason?: string }[] };
    if (body.flags.find((f) => f.key === 'param_000')?.reason === 'SPLIT') split++;
  }
  return split / 40;
}

// MiB of the tables that grow by design with each new user, up to their caps (exposed users up to
// EXPOSURE_MEMORY_MAX_USERS; users written in the last one or two minutes): first and last window.
const rememberedMiB: number[] = [];

async function soak(label: string, info: ServerInfo, seconds: number): Promise<WindowedResult> {
  // The server's CPU over each window: near 100% of a core, its thread is saturated and requests queue.
  let cpuBefore = { seconds: processCpu(info.pid), at: performance.now() };
  const printWindow = async (w: Window) => {
    const cpuNow = { seconds: processCpu(info.pid), at: performance.now() };
    const cpuShare = ((cpuNow.seconds - cpuBefore.seconds) / ((cpuNow.at - cpuBefore.at) / 1000)) * 100;
    cpuBefore = cpuNow;
    const stalls = await readStalls(info.stallsPort);
    if (stalls.extra) rememberedMiB.push(stalls.extra.exposedMiB + stalls.extra.knownMiB);
    console.log(
      `  ${label} ${String(w.atSeconds).padStart(3)} s: ${w.requests} requests, ${w.errors} errors, p50 ${w.p50Ms} ms, p99 ${w.p99Ms} ms, max ${w.maxMs} ms; ` +
        `server RSS ${w.rssMiB.toFixed(0)} MiB (main thread heap used ${stalls.heapUsedMiB.toFixed(0)} of ${stalls.heapTotalMiB.toFixed(0)}, external ${stalls.externalMiB.toFixed(0)}, ` +
        `${workerMemory(stalls)}; ${remembered(stalls.extra)}), CPU ${cpuShare.toFixed(0)}% of a core, loop delay max ${stalls.loopMaxMs} ms, GC longest ${stalls.gcMaxMs} ms; load average ${loadavg()[0].toFixed(2)}`,
    );
  };
  return windowedLoad({
    url: `http://127.0.0.1:${info.port}/ofrep/v1/evaluate/flags`,
    headers: { authorization: `Bearer ${info.key}`, 'content-type': 'application/json' },
    bodyFor: bodyFor(label),
    rate: RATE,
    connections: CONNECTIONS,
    seconds,
    warmupSeconds: WARMUP_SECONDS,
    windowSeconds: WINDOW_SECONDS,
    pid: info.pid,
    onWindow: printWindow,
  });
}

function summary(name: string, result: WindowedResult, seconds: number): string {
  const at = (q: number) => percentile(result.latencies, q);
  const mem = (t: number) => result.rss.reduce((best, s) => (Math.abs(s[0] - t) < Math.abs(best[0] - t) ? s : best))[1];
  return (
    `  ${name.padEnd(30)} ${result.latencies.length} requests at ${result.requestsPerSecond.toFixed(0)} req/s, ${result.errors} errors; ` +
    `p50 ${at(0.5)} ms, p99 ${at(0.99)} ms, max ${at(1)} ms; RSS ${mem(0).toFixed(0)} → ${mem(seconds / 2).toFixed(0)} → ${mem(seconds).toFixed(0)} MiB (start, middle, end), ` +
    `slope ${slopePerMinute(result.rss).toFixed(2)} MiB/min overall, ${slopePerMinute(result.rss.filter(([t]) => t >= seconds / 2)).toFixed(2)} MiB/min over the second half; ` +
    `load generator late sends ${result.lateSends}`
  );
}

/** Heap bytes a remembered user costs: the structures of before (Set, Map of strings) against fingerprints (a separate process, with --expose-gc). */
async function memoryPerUser(): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--expose-gc', '--import', 'tsx', 'bench/servers/membership-memory.ts']);
  const sizes = JSON.parse(stdout) as { users: number; set: number; map: number; fingerprints: number }[];
  return sizes
    .map((s) => `${s.users} users: Set<string> ${s.set.toFixed(0)} B, Map<string, number> ${s.map.toFixed(0)} B, fingerprint set ${s.fingerprints.toFixed(0)} B`)
    .join('; ');
}

export async function soakBench(): Promise<void> {
  console.log(
    `\nSoak: OFREP bulk (${PARAMETERS} parameters, 1 running experiment), a new user per request, ${RATE} req/s evenly spaced over ${CONNECTIONS} connections for ${SECONDS} s ` +
      `(after ${WARMUP_SECONDS} s warm-up); reference: bare Hono (precomputed body) at the same rate for ${REFERENCE_SECONDS} s; ` +
      `${availableParallelism()} CPUs, load average ${loadAverage()}`,
  );
  console.log(`  memory per remembered user (heap and array buffers after GC): ${await memoryPerUser()}`);
  const ours = await startBenchServer<ServerInfo>('bench/servers/soak-server.ts', { PARAMETERS: String(PARAMETERS) });
  let switchboard: WindowedResult;
  try {
    console.log(`  experiment check: ${(100 * (await splitShare(ours.info))).toFixed(0)}% of new users get param_000 from the experiment (reason SPLIT, either variant; 100% expected)`);
    switchboard = await soak('Switchboard', ours.info, SECONDS);
  } finally {
    await ours.stop();
  }
  const bare = await startBenchServer<ServerInfo>('bench/servers/ofrep-server.ts', { MODE: 'bare', PARAMETERS: String(PARAMETERS) });
  let reference: WindowedResult;
  try {
    reference = await soak('bare', bare.info, REFERENCE_SECONDS);
  } finally {
    await bare.stop();
  }

  console.log(summary('Switchboard (real server)', switchboard, SECONDS));
  console.log(summary('bare Hono (reference)', reference, REFERENCE_SECONDS));
  const p99 = percentile(switchboard.latencies, 0.99);
  const secondHalf = slopePerMinute(switchboard.rss.filter(([t]) => t >= SECONDS / 2));
  // RSS swings by tens of MiB with each collection: a slope over less than half a minute is noise.
  const memory = SECONDS < 60 ? 'not judged (run under 60 s)' : secondHalf <= FLAT_MIB_PER_MIN ? 'flat (not growing)' : 'GROWING';
  console.log(
    `  p99 ${p99} ms against the ${TARGET_P99_MS} ms target: ${p99 < TARGET_P99_MS ? 'met' : 'NOT met'} (bare ${percentile(reference.latencies, 0.99)} ms); ` +
      `memory ${memory} (second-half slope ${secondHalf.toFixed(2)} MiB/min, limit ${FLAT_MIB_PER_MIN}); errors ${switchboard.errors}`,
  );
  if (rememberedMiB.length > 1) {
    console.log(
      `  of that RSS, the tables that grow by design with each new user, to their caps (exposed users: EXPOSURE_MEMORY_MAX_USERS, ~128 MiB at most by default; users written lately), ` +
        `went from ${rememberedMiB[0].toFixed(1)} to ${rememberedMiB[rememberedMiB.length - 1].toFixed(1)} MiB`,
    );
  }
  if (SECONDS < 60) console.log(`  note: a ${SECONDS} s run says little about memory; the soak is BENCH_SECONDS=90 (the default)`);
  console.log(`  load average ${loadAverage()} at end`);
}
