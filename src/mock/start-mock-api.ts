import { http } from 'msw';
import { setupWorker } from 'msw/browser';
import { createApp } from '../server/app';
import { MemoryStore } from '../server/store/memory/memory-store';
import { withCookieBridge } from './cookie-bridge';
import { loadState, saveState } from './persisted-state';

/** Marks answers that came from the in-page app, so start-up can check the worker really intercepts. */
const MOCK_HEADER = 'x-switchboard-mock';
const START_ATTEMPTS = 3;

/**
 * Mock mode (`npm run dev:mock`): the real server app, with the memory store, answers every
 * /api/* request inside this page; MSW's service worker routes the page's requests to it.
 * Same routes, validation and rules as the Node server, no server process.
 */
export async function startMockApi(): Promise<void> {
  const store = new MemoryStore({ state: loadState() });
  const app = createApp({ store, log: (message, detail) => console.error(`[mock api] ${message}`, detail ?? '') });
  const handle = withCookieBridge(app);

  const worker = setupWorker(
    http.all('/api/*', async ({ request }) => {
      const response = await handle(request);
      saveState(store.state);
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

async function answeredByMock(): Promise<boolean> {
  try {
    const response = await fetch('/api/health', { cache: 'no-store' });
    return response.headers.get(MOCK_HEADER) === '1';
  } catch {
    return false;
  }
}
