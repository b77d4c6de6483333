import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunchOptions } from './e2e/support/chromium';

// Mock mode's product tour: the static mock build (vite build --mode mock) served by vite
// preview, with no Switchboard server process; the server app runs in the page behind MSW.
// Its own port (MOCK_E2E_PORT) and build folder, so it runs beside playwright.config.ts.
const port = Number(process.env.MOCK_E2E_PORT ?? 4183);
const outDir = `.tmp/e2e-mock-${port}`;

export default defineConfig({
  testDir: 'e2e-mock',
  // The demo workspace is built in the page first (about 20 s on a quiet machine, minutes on a busy one).
  timeout: 480_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  use: {
    ...devices['Desktop Chrome'],
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    reducedMotion: 'reduce',
    launchOptions: chromiumLaunchOptions,
  },
  webServer: {
    command: `npx vite build --mode mock --outDir ${outDir} --emptyOutDir && npx vite preview --mode mock --outDir ${outDir} --host 127.0.0.1 --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}/`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'pipe',
  },
});
