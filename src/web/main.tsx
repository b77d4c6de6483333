import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './app/global.css';
import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';

async function boot() {
  // Mock mode only (vite --mode mock): the server app runs in this page behind MSW. The constant
  // is false in production builds, so this import and everything behind it is dropped.
  if (import.meta.env.SWITCHBOARD_MOCK) {
    const { startMockApi } = await import('../mock/start-mock-api');
    await startMockApi();
  }
  const container = document.getElementById('root');
  if (!container) throw new Error('index.html has no #root element');
  const root = createRoot(container);
  // A transition, so React renders the first screen in slices and lets the browser in between
  // (a mid-range phone otherwise sees one long frozen task while the shell and the page mount).
  startTransition(() =>
    root.render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  );
}

void boot();
