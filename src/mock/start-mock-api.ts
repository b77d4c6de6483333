import { http } from 'msw';
import { setupWorker } from 'msw/browser';
import { createApp } from '../server/app';
import { emptyMemoryState, MemoryStore } from '../server/store/memory/memory-store';
import { withCookieBridge } from './cookie-bridge';
import { buildMockDemo } from './mock-demo-workspace';
import { loadSavedState, saveState } from './persisted-state';
import { showPreparingScreen } from './preparing-screen';

/** Marks answers that came from the in-page app, so start-up can check the worker really intercepts. */
const MOCK_HEADER = 'x-switchboard-mock';
const START_ATTEMPTS = 3;

/**
 * Mock mode (`npm run dev:mock`): the real server app, with the memory store, answers every
 * /api/* request inside this page; MSW's service worker routes the page's requests to it.
 * Same routes, validation and rules as the Node server, no server process. The first start in a
 * tab builds the demo workspace of `npm run demo` and saves it, so a reload opens it again.
 */
export async function startMockApi(): Promise<void> {
  const saved = loadSavedState();
  const store = new MemoryStore({ state: saved ?? emptyMemoryState() });
  const app = createApp({ store, log: (message, detail) => console.error(`[mock api] ${message}`, detail ?? '') });
  if (!saved) await prepareDemo(app, store);
  const handle = withCookieBridge(app);

  const worker = setupWorker(
    http.all('/api/*', async ({ request }) => {
      const response = await handle(request);
      // Reads change nothing worth keeping; serialising the whole store (MBs with the demo's
      // events) after every GET would slow each page down.
      if (request.method !== 'GET' && request.method !== 'HEAD') persist(store);
      response.headers.set(MOCK_HEADER, '1');
      return response;
    }),
  );

  // A navigation can race MSW's worker: the closing page may unregister it just as this page
  // registers, and requests then pass through to the dev server. Probe, and restart if so.
  for (let attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
    await worker.start({ serviceWorker: { url: '/mockServiceWorker.js' }, onUnhandledRequest: 'bypass', quiet: true });
    if (await answeredByMock()) return;
    worker.stop();
  }
  throw new Error('Mock mode could not start: the MSW service worker does not intercept /api requests. Reload the page.');
}

async function prepareDemo(app: ReturnType<typeof createApp>, store: MemoryStore) {
  const root = document.getElementById('root');
  const screen = root ? showPreparingScreen(root) : null;
  await buildMockDemo(app, (progress) => screen?.update(progress));
  persist(store);
  screen?.remove();
}

let warnedFull = false;
function persist(store: MemoryStore) {
  try {
    saveState(store.state);
  } catch (error) {
    // The tab's storage is full: the demo goes on in memory, and a reload starts it afresh.
    if (!warnedFull) console.warn('[mock api] Could not save the mock state; a reload will rebuild the demo.', error);
    warnedFull = true;
  }
}

async function answeredByMock(): Promise<boolean> {
  try {
    const response = await fetch('/api/health', { cache: 'no-store' });
    return response.headers.get(MOCK_HEADER) === '1';
  } catch {
    return false;
  }
}
