import { http } from 'msw';
import { setupWorker } from 'msw/browser';
import { createApp } from '../server/app';
import { MemoryStore } from '../server/store/memory/memory-store';
import { withCookieBridge } from './cookie-bridge';
import { loadState, saveState } from './persisted-state';

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
      return response;
    }),
  );
  await worker.start({
    serviceWorker: { url: '/mockServiceWorker.js' },
    onUnhandledRequest: 'bypass',
    quiet: true,
  });
}
