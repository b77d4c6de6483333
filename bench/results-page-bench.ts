import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser, type BrowserContext } from '@playwright/test';
import { expectPageReady, signIn } from '../e2e/support/pages';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from '../e2e/support/accounts';
import playwrightConfig from '../playwright.config';
import { systemActor } from '../src/server/modules/audit/audit-service';
import { createParameter } from '../src/server/modules/parameters/parameters-service';
import { readSettings } from '../src/server/node/settings';
import { startServer, type RunningServer } from '../src/server/node/start-server';
import { runDemoExperiment } from '../src/server/simulate/demo-experiment';

// The target: "the results page interactive within 1 s of the data arriving". Measured in
// Chromium against the real server and the production build, from the moment the results API
// response has fully arrived (its PerformanceResourceTiming.responseEnd) to the verdict line on
// screen, every chart drawn with data, and the main thread quiet (the end of the last long task):
// the last of the three is "interactive". The experiments list, measured the same way in the
// same run, is the reference: a light page, so a reader can tell the page's cost from the machine.

const PORT = Number(process.env.RESULTS_PAGE_BENCH_PORT ?? 4411);
const USERS = Number(process.env.RESULTS_PAGE_BENCH_USERS ?? 10_000);
const RUNS = Number(process.env.RESULTS_PAGE_BENCH_RUNS ?? 5);
/** The main thread counts as quiet after this long without a long task (TTI uses 5 s; 2 s suffices here). */
const QUIET_MS = 2000;
/** What draws data in each chart (the legend's icons are paths too, so not any path). */
const CHART_MARKS = '.recharts-line-curve, .recharts-area-area, .recharts-bar-rectangle, svg[role="img"] circle';
/** Charts on the results page with the default (sequential) engine: cumulative, lift, exposures, forest. */
const RESULTS_CHARTS = 4;

interface PageSpec {
  label: string;
  path: string;
  /** The API response the page waits for (a RegExp source matched against the request URL). */
  resource: string;
  /** The first content drawn from that response. */
  content: string;
  contentLabel: string;
  /** [data-chart] containers that must all draw data marks (0: none). */
  charts: number;
}

interface Load {
  /** ms after responseEnd: */
  content: number;
  charts: number | null;
  interactive: number;
  /** Long tasks ending after responseEnd: how many, and their blocking time after it. */
  longTasks: number;
  blocking: number;
  longest: number;
  bytes: number;
}

/**
 * Runs in the page before its own scripts: long tasks, and the frames where content and charts
 * first show. A string, not a function: tsx would wrap its inner functions in a helper the page lacks.
 */
const instrument = (spec: { content: string; charts: number; marks: string }) => `(() => {
  const spec = ${JSON.stringify(spec)};
  const state = { longTasks: [], content: null, charts: null };
  window.__pageBench = state;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) state.longTasks.push([entry.startTime, entry.startTime + entry.duration]);
  }).observe({ type: 'longtask', buffered: true });
  const frame = () => {
    const now = performance.now();
    if (state.content === null) {
      const element = document.querySelector(spec.content);
      if (element && element.textContent.trim() && element.getBoundingClientRect().height > 0) state.content = now;
    }
    if (state.charts === null && spec.charts > 0) {
      const charts = [...document.querySelectorAll('[data-chart]')];
      if (charts.length >= spec.charts && charts.every((chart) => chart.querySelector(spec.marks))) state.charts = now;
    }
    if (state.content === null || (spec.charts > 0 && state.charts === null)) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})();`;

/** One fresh page load of spec.path; figures relative to the API response's responseEnd. */
async function load(context: BrowserContext, baseURL: string, spec: PageSpec, cpuSlowdown: number): Promise<Load> {
  const page = await context.newPage();
  try {
    if (cpuSlowdown > 1) await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
    await page.addInitScript({ content: instrument({ content: spec.content, charts: spec.charts, marks: CHART_MARKS }) });
    await page.goto(`${baseURL}${spec.path}`);
    const args = { resource: spec.resource, charts: spec.charts, quiet: QUIET_MS };
    const handle = await page.waitForFunction(
      ({ resource, charts, quiet }) => {
        const state = (window as unknown as { __pageBench: { longTasks: [number, number][]; content: number | null; charts: number | null } }).__pageBench;
        const entry = performance.getEntriesByType('resource').find((e) => new RegExp(resource).test(e.name)) as PerformanceResourceTiming | undefined;
        if (!entry || entry.responseEnd === 0 || state.content === null || (charts > 0 && state.charts === null)) return null;
        const lastLongTask = Math.max(0, ...state.longTasks.map(([, end]) => end));
        const drawn = Math.max(state.content, state.charts ?? 0);
        if (performance.now() - Math.max(lastLongTask, drawn) < quiet) return null;
        return { responseEnd: entry.responseEnd, bytes: entry.decodedBodySize, content: state.content, charts: state.charts, longTasks: state.longTasks };
      },
      args,
      { timeout: 120_000, polling: 250 },
    ).catch(async (error: Error) => {
      const seen = await page.evaluate(() => ({
        url: location.href,
        state: (window as unknown as { __pageBench: unknown }).__pageBench,
        resources: performance.getEntriesByType('resource').map((e) => e.name).filter((name) => name.includes('/api/')),
      }));
      throw new Error(`${spec.label}: ${error.message}; the page had ${JSON.stringify(seen)}`);
    });
    const m = (await handle.jsonValue())!;
    const after = m.longTasks.filter(([, end]) => end > m.responseEnd);
    const since = (t: number) => t - m.responseEnd;
    const content = since(m.content);
    const charts = m.charts === null ? null : since(m.charts);
    return {
      content,
      charts,
      interactive: Math.max(content, charts ?? 0, ...after.map(([, end]) => since(end))),
      longTasks: after.length,
      blocking: after.reduce((sum, [start, end]) => sum + Math.max(0, end - Math.max(start, m.responseEnd) - 50), 0),
      longest: Math.max(0, ...after.map(([start, end]) => end - start)),
      bytes: m.bytes,
    };
  } finally {
    await page.close();
  }
}

/** The `npm run demo` experiment: three metrics and USERS simulated users over 14 days. */
async function seed(server: RunningServer): Promise<string> {
  const services = server.app.services;
  await createParameter(services, 'production', { key: 'button_colour', name: 'Buy button colour', description: '', tags: ['checkout'], killed: false, rules: [], spec: { type: 'color' }, defaultValue: '#2F9E44' }, systemActor);
  const { experiment } = await runDemoExperiment(services, server.url, USERS, 'bench');
  await services.knownUsers.flush();
  return experiment.id;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const ms = (values: number[]) => `${median(values).toFixed(0).padStart(5)} / ${Math.max(...values).toFixed(0).padStart(5)} ms`;

function line(label: string, loads: Load[], contentLabel: string) {
  const charts = loads.map((l) => l.charts).filter((c): c is number => c !== null);
  console.log(
    `  ${label.padEnd(44)} ${contentLabel.padEnd(8)} ${ms(loads.map((l) => l.content))}` +
      `   charts ${charts.length ? ms(charts) : '      -        '}` +
      `   interactive ${ms(loads.map((l) => l.interactive))}` +
      `   long tasks ${median(loads.map((l) => l.longTasks)).toFixed(0)}, longest ${median(loads.map((l) => l.longest)).toFixed(0)} ms, blocking ${median(loads.map((l) => l.blocking)).toFixed(0)} ms`,
  );
}

/** The results page of a 14-day experiment with 3 metrics, in Chromium, against the real server. */
export async function resultsPageBench(): Promise<void> {
  const loadBefore = loadavg()[0];
  const webDir = resolve(`.tmp/e2e-web-${PORT}`);
  const dataDir = await mkdtemp(join(tmpdir(), 'switchboard-results-page-'));
  // The production build, one folder per port, as playwright.config.ts's webServer builds it.
  await promisify(execFile)('npx', ['vite', 'build', '--outDir', webDir, '--emptyOutDir'], { maxBuffer: 64 * 1024 * 1024 });
  // The real server, as e2e/support/serve.ts starts it, on a private port and a temporary data folder.
  const server = await startServer({ ...readSettings({}), port: PORT, dataDir, dashboardDir: webDir, adminEmail: ADMIN_EMAIL, adminPassword: ADMIN_PASSWORD });
  let browser: Browser | undefined;
  try {
    const seeding = performance.now();
    const id = await seed(server);
    const seeded = (performance.now() - seeding) / 1000;
    const { launchOptions, ...desktop } = playwrightConfig.projects!.find((p) => p.name === 'journeys')!.use!;
    browser = await chromium.launch({ ...playwrightConfig.use!.launchOptions, ...launchOptions });
    const context = await browser.newContext({ ...desktop, baseURL: server.url });
    const page = await context.newPage();
    await signIn(page);
    await expectPageReady(page, 'Overview');
    await page.close();

    const results: PageSpec = {
      label: 'results page',
      path: `/experiments/${id}/results`,
      resource: `/api/experiments/${id}/results\\?`,
      content: '[data-testid="results-verdict"]',
      contentLabel: 'verdict',
      charts: RESULTS_CHARTS,
    };
    const reference: PageSpec = {
      label: 'reference: experiments list',
      path: '/experiments',
      resource: '/api/experiments(\\?|$)',
      content: 'table[aria-busy="false"] tbody a[href^="/experiments/"]',
      contentLabel: 'table',
      charts: 0,
    };
    const headline = await (await context.request.get(`/api/experiments/${id}/results`)).json() as { headline: { text: string }; metrics: unknown[] };
    const figures = new Map<string, Load[]>();
    for (const cpuSlowdown of [1, 4]) {
      // A first load of each (discarded) fetches the page's code and warms the server's caches.
      await load(context, server.url, reference, cpuSlowdown);
      await load(context, server.url, results, cpuSlowdown);
      for (let run = 0; run < RUNS; run++) {
        // Alternated, so both see the same neighbours.
        for (const spec of [reference, results]) {
          const key = `${spec.label}@${cpuSlowdown}`;
          figures.set(key, [...(figures.get(key) ?? []), await load(context, server.url, spec, cpuSlowdown)]);
        }
      }
    }
    await context.close();

    const loadAfter = loadavg()[0];
    const resultsLoads = figures.get(`${results.label}@1`)!;
    console.log(
      `\nResults page in Chromium (real server, production build): ${USERS.toLocaleString('en')} simulated users over 14 days, ${headline.metrics.length} metrics, ` +
        `${(resultsLoads[0].bytes / 1024).toFixed(0)} KB of results JSON; seeded in ${seeded.toFixed(0)} s; load average ${loadBefore.toFixed(2)} before, ${loadAfter.toFixed(2)} after (${RUNS} fresh loads each, ms after the API response arrived, median / max)`,
    );
    console.log(`  verdict: ${headline.headline.text}`);
    line(reference.label, figures.get(`${reference.label}@1`)!, reference.contentLabel);
    line(results.label, resultsLoads, results.contentLabel);
    line(`${reference.label}, CPU 4× slower`, figures.get(`${reference.label}@4`)!, reference.contentLabel);
    line(`${results.label}, CPU 4× slower (a mid-range phone)`, figures.get(`${results.label}@4`)!, results.contentLabel);
    const interactive = median(resultsLoads.map((l) => l.interactive));
    console.log(`  results page interactive (median) ${interactive.toFixed(0)} ms after the data arrived   target < 1 s: ${interactive < 1000 ? 'met' : 'NOT met'}`);
  } finally {
    await browser?.close();
    await server.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}
