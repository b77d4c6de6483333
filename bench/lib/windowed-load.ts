import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';

export interface Window {
  /** Seconds since the measured start at the end of this window. */
  atSeconds: number;
  requests: number;
  errors: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** The server's resident memory at the end of the window, in MiB (NaN without /proc). */
  rssMiB: number;
}

export interface WindowedResult {
  windows: Window[];
  /** Every latency of the measured run, in ms, sorted. */
  latencies: Float64Array;
  errors: number;
  /** Sends the generator itself made over 2 ms after their slot (its own stalls, not the server's). */
  lateSends: number;
  /** The server's resident memory once a second from the measured start: [seconds, MiB]. */
  rss: [number, number][];
  requestsPerSecond: number;
}

/** A process's resident memory (VmRSS in /proc/<pid>/status) in MiB; NaN where there is no /proc. */
export function rssMiB(pid: number): number {
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) / 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

export function percentile(sorted: Float64Array, q: number): number {
  return Math.round((sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0) * 10) / 10;
}

/**
 * Evenly spaced requests (request i due at start + i / rate, on connection i % connections, one
 * keep-alive socket each, as bench/lib/paced-load.ts), each with a body of its own, for `seconds`
 * after `warmupSeconds`. Every `windowSeconds` the answers completed in that window are summed up
 * and handed to `onWindow` (so a long run prints as it goes); the server's RSS is read each second.
 */
export async function windowedLoad(options: {
  url: string;
  headers: Record<string, string>;
  bodyFor: (i: number) => string;
  rate: number;
  connections: number;
  seconds: number;
  warmupSeconds: number;
  windowSeconds: number;
  pid: number;
  onWindow: (window: Window) => Promise<void> | void;
}): Promise<WindowedResult> {
  const url = new URL(options.url);
  const agents = Array.from({ length: options.connections }, () => new Agent({ keepAlive: true, maxSockets: 1 }));
  let nextBody = 0;
  try {
    await run(options.warmupSeconds, false);
    return await run(options.seconds, true);
  } finally {
    agents.forEach((agent) => agent.destroy());
  }

  function run(seconds: number, measured: boolean): Promise<WindowedResult> {
    const total = Math.round(options.rate * seconds);
    const all = new Float64Array(total);
    let window: number[] = [];
    let windowErrors = 0;
    let sent = 0;
    let done = 0;
    let errors = 0;
    let lateSends = 0;
    const windows: Window[] = [];
    const rss: [number, number][] = [];
    const start = performance.now();
    const elapsed = () => (performance.now() - start) / 1000;
    rss.push([0, rssMiB(options.pid)]);
    const rssTimer = setInterval(() => rss.push([elapsed(), rssMiB(options.pid)]), 1000);
    const closeWindow = () => {
      const sorted = Float64Array.from(window).sort();
      const summary = { atSeconds: Math.round(elapsed()), requests: sorted.length, errors: windowErrors, p50Ms: percentile(sorted, 0.5), p99Ms: percentile(sorted, 0.99), maxMs: percentile(sorted, 1), rssMiB: rssMiB(options.pid) };
      window = [];
      windowErrors = 0;
      windows.push(summary);
      if (measured) void options.onWindow(summary);
    };
    // The window that ends with the run closes with its last answer, not a few ms before it.
    const windowTimer = setInterval(() => {
      if (elapsed() < seconds - options.windowSeconds / 2) closeWindow();
    }, options.windowSeconds * 1000);
    return new Promise((resolve) => {
      const answered = (i: number, sentAt: number, failed: boolean) => {
        const ms = performance.now() - sentAt;
        all[i] = ms;
        window.push(ms);
        if (failed) {
          errors++;
          windowErrors++;
        }
        if (++done < total) return;
        clearInterval(windowTimer);
        clearInterval(rssTimer);
        const seconds = elapsed();
        if (window.length) closeWindow();
        rss.push([seconds, rssMiB(options.pid)]);
        resolve({ windows, latencies: all.sort(), errors, lateSends, rss, requestsPerSecond: total / seconds });
      };
      const send = (i: number, dueAt: number) => {
        const sentAt = performance.now();
        if (sentAt - dueAt > 2) lateSends++;
        const body = Buffer.from(options.bodyFor(nextBody++));
        const req = request(
          { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { ...options.headers, 'content-length': String(body.length) }, agent: agents[i % agents.length] },
          (res) => {
            res.on('data', () => {});
            res.on('end', () => answered(i, sentAt, res.statusCode === undefined || res.statusCode < 200 || res.statusCode >= 300));
          },
        );
        req.on('error', () => answered(i, sentAt, true));
        req.end(body);
      };
      const tick = () => {
        const due = Math.min(total, Math.floor(elapsed() * options.rate) + 1);
        while (sent < due) {
          send(sent, start + (sent / options.rate) * 1000);
          sent++;
        }
        if (sent < total) setTimeout(tick, Math.max(0, start + (sent / options.rate) * 1000 - performance.now()));
      };
      tick();
    });
  }
}
