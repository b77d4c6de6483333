import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunchOptions } from './e2e/support/chromium';
const port = Number(process.env.E2E_PORT ?? 4173);
export const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    // The dashboard honours reduced motion (theme.respectReducedMotion): no notification is
    // ever caught mid-fade, where axe measured its text at a contrast of neither end.
    reducedMotion: 'reduce',
    launchOptions: chromiumLaunchOptions,
  },
  projects: [
    // First-run setup creates the admin that every later journey signs in as.
    { name: 'setup', testMatch: /first-run\.setup\.ts/, use: { ...devices['Desktop Chrome'] } },
    { name: 'journeys', dependencies: ['setup'], testMatch: /.*\.spec\.ts/, testIgnore: /(experiments|results)\.spec\.ts/, use: { ...devices['Desktop Chrome'] } },
    // The experiments and results journeys send simulated users (with country, platform, app
    // version): they run after the others, whose reach figures count the few users they create.
    { name: 'simulated traffic', dependencies: ['journeys'], testMatch: /(experiments|results)\.spec\.ts/, use: { ...devices['Desktop Chrome'] } },
  ],
  webServer: {
    // A fresh PGlite data folder for every run, the production build, the real server. The build
    // goes to a folder per port so parallel runs (E2E_PORT) never overwrite each other's assets.
    command: `npx vite build --outDir .tmp/e2e-web-${port} --emptyOutDir && tsx e2e/support/serve.ts`,
    url: `${baseURL}/api/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    env: { E2E_PORT: String(port) },
    stdout: 'pipe',
  },
});
