import { Agent, request } from 'node:http';

export interface PacedResult {
  /** Requests answered per second over the measured window. */
  requestsPerSecond: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  errors: number;
  non2xx: number;
  /** Sends the generator itself made over 2 ms after their slot (its own stalls, not the server's). */
  lateSends: number;
  /** Every latency in ms, sorted, to pool several runs. */
  latencies: Float64Array;
}

/** Percentiles of pooled latencies (each sorted or not), e.g. from runs interleaved with another server's. */
export function poolLatencies(runs: PacedResult[]): Pick<PacedResult, 'p50Ms' | 'p90Ms' | 'p99Ms' | 'maxMs'> {
  const all = new Float64Array(runs.reduce((n, r) => n + r.latencies.length, 0));
  let at = 0;
  for (const r of runs) {
    all.set(r.latencies, at);
    at += r.latencies.length;
  }
  return percentiles(all.sort());
}

function percentiles(sorted: Float64Array): Pick<PacedResult, 'p50Ms' | 'p90Ms' | 'p99Ms' | 'maxMs'> {
  const at = (q: number) => round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0);
  return { p50Ms: at(0.5), p90Ms: at(0.9), p99Ms: at(0.99), maxMs: round(sorted[sorted.length - 1] ?? 0) };
}

/**
 * Latency at a steady, evenly spaced rate: request i is due at start + i / rate and goes out on
 * connection i % connections (one keep-alive socket each, like `connections` apps polling), so
 * the server sees a smooth stream instead of autocannon's per-second bursts (its `overallRate`
 * fires each connection's quota back to back at the top of every second, which measures a queue).
 * Latency runs from the moment a request is handed to its connection until the last byte of the
 * answer: a request waiting behind a slow answer on its connection counts that wait.
 */
export async function pacedLoad(options: {
  url: string;
  rate: number;
  connections: number;
  seconds: number;
  warmupSeconds?: number;
  /** Called after the warm-up, just before the measured run (e.g. to start a server-side reading). */
  beforeMeasure?: () => Promise<void>;
  method?: 'POST' | 'GET';
  headers?: Record<string, string>;
  body?: string;
  /** Request i sends bodies[i % length] instead of `body` (e.g. a different user each time). */
  bodies?: string[];
}): Promise<PacedResult> {
  const url = new URL(options.url);
  const agents = Array.from({ length: options.connections }, () => new Agent({ keepAlive: true, maxSockets: 1 }));
  const bodies = (options.bodies ?? (options.body === undefined ? [] : [options.body])).map((text) => Buffer.from(text));
  const headersFor = (body: Buffer | undefined) => ({ ...options.headers, ...(body && { 'content-length': String(body.length) }) });
  const fixedHeaders = headersFor(bodies[0]);
  try {
    if (options.warmupSeconds) await run(options.warmupSeconds);
    await options.beforeMeasure?.();
    return await run(options.seconds);
  } finally {
    agents.forEach((agent) => agent.destroy());
  }

  function run(seconds: number): Promise<PacedResult> {
    const total = Math.round(options.rate * seconds);
    const latencies = new Float64Array(total);
    let sent = 0;
    let done = 0;
    let errors = 0;
    let non2xx = 0;
    let lateSends = 0;
    const start = performance.now();
    return new Promise((resolve) => {
      const finish = () => {
        const elapsed = (performance.now() - start) / 1000;
        const sorted = latencies.slice(0, total).sort();
        resolve({ requestsPerSecond: total / elapsed, ...percentiles(sorted), errors, non2xx, lateSends, latencies: sorted });
      };
      const send = (i: number, dueAt: number) => {
        const body = bodies.length === 0 ? undefined : bodies[i % bodies.length];
        const headers = bodies.length > 1 ? headersFor(body) : fixedHeaders;
        const sentAt = performance.now();
        if (sentAt - dueAt > 2) lateSends++;
        const req = request(
          { host: url.hostname, port: url.port, path: url.pathname + url.search, method: options.method ?? 'POST', headers, agent: agents[i % agents.length] },
          (res) => {
            res.on('data', () => {});
            res.on('end', () => {
              latencies[i] = performance.now() - sentAt;
              if (res.statusCode === undefined || res.statusCode < 200 || res.statusCode >= 300) non2xx++;
              if (++done === total) finish();
            });
          },
        );
        req.on('error', () => {
          latencies[i] = performance.now() - sentAt;
          errors++;
          if (++done === total) finish();
        });
        req.end(body);
      };
      const tick = () => {
        const now = performance.now();
        const due = Math.min(total, Math.floor(((now - start) / 1000) * options.rate) + 1);
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

const round = (ms: number) => Math.round(ms * 10) / 10;
