import { existsSync } from 'node:fs';
import type { LaunchOptions } from '@playwright/test';

// Shared by playwright.config.ts (real server) and playwright.mock.config.ts (mock build).
// Debian's Chromium where it exists (this machine and CI); Playwright's own browser elsewhere.
// Override with PLAYWRIGHT_CHROMIUM_PATH.
const chromiumPath = process.env.PLAYWRIGHT_CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

export const chromiumLaunchOptions: LaunchOptions = {
  executablePath: chromiumPath,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};
