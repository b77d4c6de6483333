import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

// BENCH=startup: `npm start` on a fresh DATA_DIR (PGlite creates the database and migrates),
// then again on the same folder, each timed from spawn until /api/health answers 200, and the
// clean shutdown after each (SIGINT). Targets: first start under 15 s, later ones under 5 s.
// The dashboard is brought up to date first, untimed, as a first `npm start` would.

const HEALTH_TIMEOUT_MS = 120_000;

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });

async function healthy(url: string): Promise<boolean> {
  try {
    return (await fetch(url)).status === 200;
  } catch {
    return false;
  }
}

/** Runs `npm start` until healthy; returns seconds to health, seconds to stop, and how npm ended. */
async function timedStart(dataDir: string) {
  const port = await freePort();
  const started = performance.now();
  // Its own process group, so SIGINT reaches npm, tsx and the server alike, as Ctrl-C would.
  const child = spawn('npm', ['start', '--silent'], { env: { ...process.env, PORT: String(port), DATA_DIR: dataDir }, stdio: ['ignore', 'ignore', 'inherit'], detached: true });
  const exited = new Promise<string>((resolve) => child.once('exit', (code, signal) => resolve(code === null ? `signal ${signal}` : `exit code ${code}`)));
  let up = false;
  while (!up && performance.now() - started < HEALTH_TIMEOUT_MS) {
    up = await healthy(`http://127.0.0.1:${port}/api/health`);
    if (!up) await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const startSeconds = (performance.now() - started) / 1000;
  const stopping = performance.now();
  process.kill(-child.pid!, 'SIGINT');
  const ended = await exited;
  return { up, startSeconds, stopSeconds: (performance.now() - stopping) / 1000, ended };
}

export async function startupBench(): Promise<void> {
  console.log(`\nStartup (npm start, PGlite on a worker thread); load average ${loadavg().map((l) => l.toFixed(2)).join(' ')} on ${availableParallelism()} cores`);
  const build = performance.now();
  spawnSync('npx', ['tsx', 'scripts/build-dashboard.ts'], { stdio: 'ignore' });
  console.log(`  dashboard up to date in ${((performance.now() - build) / 1000).toFixed(1)} s (built only if its sources changed)`);
  const dataDir = await mkdtemp(join(tmpdir(), 'switchboard-startup-'));
  try {
    for (const [label, target] of [['first start (fresh DATA_DIR)', 15], ['later start (same DATA_DIR)', 5]] as const) {
      const run = await timedStart(dataDir);
      if (!run.up) throw new Error(`${label}: /api/health did not answer 200 within ${HEALTH_TIMEOUT_MS / 1000} s`);
      const verdict = run.startSeconds < target ? `under the ${target} s target` : `OVER the ${target} s target`;
      console.log(`  ${label}: healthy in ${run.startSeconds.toFixed(1)} s (${verdict}); stopped by SIGINT in ${run.stopSeconds.toFixed(1)} s (npm: ${run.ended})`);
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
  console.log(`  load average after: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
}
