import { createServer } from 'node:http';
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';

/**
 * What held a benchmark server's thread since the last reading: event-loop delay (how late a
 * timer ran; a stall of the thread shows as a delay) and garbage-collection pauses. Read beside a
 * latency figure, it tells a stall of the server (its own delay is high) from one of the machine
 * or the load generator (the server's delay stays low while the latencies climb).
 */
export interface StallReading {
  /** How late the monitor's 10 ms timer ran, in ms: 99th percentile and longest. */
  loopP99Ms: number;
  loopMaxMs: number;
  /** Garbage-collection pauses: count, longest and total, in ms. */
  gcCount: number;
  gcMaxMs: number;
  gcTotalMs: number;
  /** Of those, pauses for a full (mark-compact) collection: its incremental steps and its end. */
  gcMajorCount: number;
  gcMajorMaxMs: number;
  /** This thread's memory at the reading, in MiB (process.memoryUsage): V8 heap in use and
   * reserved, memory outside the heap held by JavaScript objects (Buffers, typed arrays), and the
   * whole process's resident set. RSS minus heapTotal and external is the rest: other threads (the
   * PGlite worker and its WebAssembly memory), code, the allocator's free lists. */
  heapUsedMiB: number;
  heapTotalMiB: number;
  externalMiB: number;
  rssMiB: number;
  /** Whatever the server adds (startStallMonitor's `extra`): sizes of its own structures. */
  extra?: Record<string, number>;
}

// The resolution of the histogram's sampling timer: finer would add work to the measured thread.
const RESOLUTION_MS = 10;

/**
 * Starts measuring on this thread and answers readings over HTTP on a port of its own (so the
 * measured server's handler is untouched); each GET returns the figures since the previous one
 * and starts a new period. Resolves to that port.
 */
export function startStallMonitor(extra?: () => Record<string, number>): Promise<number> {
  const loop = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  loop.enable();
  const fresh = () => ({ count: 0, max: 0, total: 0, major: 0, majorMax: 0 });
  let gc = fresh();
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      gc.count++;
      gc.max = Math.max(gc.max, entry.duration);
      gc.total += entry.duration;
      // perf_hooks.constants: NODE_PERFORMANCE_GC_MAJOR (2), NODE_PERFORMANCE_GC_INCREMENTAL (4).
      const kind = (entry as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind;
      if (kind === 2 || kind === 4) {
        gc.major++;
        gc.majorMax = Math.max(gc.majorMax, entry.duration);
      }
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  // The histogram records each timer's whole delay, its resolution included: subtract that.
  const round = (ms: number) => Math.round(ms * 10) / 10;
  const lateMs = (ns: number) => Math.max(0, Math.round((ns / 1e6 - RESOLUTION_MS) * 10) / 10);
  const mib = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;
  const server = createServer((_request, response) => {
    const memory = process.memoryUsage();
    const reading: StallReading = {
      loopP99Ms: lateMs(loop.percentile(99)),
      loopMaxMs: lateMs(loop.max),
      gcCount: gc.count,
      gcMaxMs: round(gc.max),
      gcTotalMs: round(gc.total),
      gcMajorCount: gc.major,
      gcMajorMaxMs: round(gc.majorMax),
      heapUsedMiB: mib(memory.heapUsed),
      heapTotalMiB: mib(memory.heapTotal),
      externalMiB: mib(memory.external),
      rssMiB: mib(memory.rss),
      ...(extra ? { extra: extra() } : {}),
    };
    loop.reset();
    gc = fresh();
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(reading));
  });
  server.unref();
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)));
}

/** The reading of a server started with `startStallMonitor` (and a new period begins). */
export async function readStalls(port: number): Promise<StallReading> {
  const response = await fetch(`http://127.0.0.1:${port}/`);
  return (await response.json()) as StallReading;
}
