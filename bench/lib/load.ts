import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';

/** Starts a benchmark server script in its own process and waits for the JSON line it prints (`nodeArgs`: e.g. --expose-gc). */
export async function startBenchServer<T>(script: string, env: Record<string, string>, nodeArgs: string[] = []): Promise<{ info: T; stop: () => Promise<void> }> {
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', script], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout! });
  const info = await new Promise<T>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
    lines.once('line', (line) => resolve(JSON.parse(line) as T));
  });
  return {
    info,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
}

/** Drives `url` with autocannon for `seconds`, after a short warm-up. */
export async function load(options: {
  url: string;
  connections: number;
  seconds: number;
  /** Requests per second across all connections; unset means as fast as the server answers. */
  rate?: number;
  method?: 'POST' | 'GET';
  headers?: Record<string, string>;
  body?: string;
}): Promise<LoadResult> {
  const run = (duration: number) =>
    autocannon({
      url: options.url,
      connections: options.connections,
      duration,
      method: options.method ?? 'POST',
      headers: options.headers,
      body: options.body,
      ...(options.rate !== undefined && { overallRate: options.rate }),
    });
  await run(2);
  const result = await run(options.seconds);
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
  };
}
