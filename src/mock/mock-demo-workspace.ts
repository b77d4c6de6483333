import type { SwitchboardApp } from '../server/app';
import { bootstrapAdmin } from '../server/modules/auth/auth-service';
import { buildDemoWorkspace, type DemoWorkspaceProgress } from '../server/simulate/demo-workspace';
import type { FetchFunction } from '../server/simulate/simulate-client';
import { MOCK_DEMO_CREDENTIALS } from '../shared/demo-account';

/**
 * Fewer simulated users than `npm run demo` (10,000): the whole build runs on the page's one
 * thread, and the results still show a clear winner with this many.
 */
export const MOCK_DEMO_USERS = 2500;

/** Only a name here: requests never leave the page, they go to the app's own fetch. */
const IN_PAGE_URL = 'http://switchboard.mock';

/**
 * Mock mode's first start: the demo admin, then the same workspace `npm run demo` builds,
 * its app traffic and simulated users sent through the in-page app instead of over HTTP.
 */
export async function buildMockDemo(app: SwitchboardApp, onProgress?: (progress: DemoWorkspaceProgress) => void) {
  await bootstrapAdmin(app.services, MOCK_DEMO_CREDENTIALS.email, MOCK_DEMO_CREDENTIALS.password);
  let requests = 0;
  const inPage: FetchFunction = async (url, init) => {
    // Every answer settles as a microtask, so without a pause the page would never repaint the
    // progress bar until the end: give the browser a turn now and then.
    if (++requests % 25 === 0) await new Promise((resolve) => setTimeout(resolve, 0));
    return app.request(url, init);
  };
  return buildDemoWorkspace(app.services, { url: IN_PAGE_URL, fetch: inPage, experimentUsers: MOCK_DEMO_USERS, seed: 'mock', onProgress });
}
