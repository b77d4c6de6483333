import { useState } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { sessionQueryOptions } from '../features/auth/api/get-session';
import { createQueryClient } from '../lib/query-client';
import { AppProviders } from './providers';
import { preloadRoute, routes } from './routing/routes';
import { notifySessionEnded } from './session-ended';

/** The dashboard: providers around the router. */
export function App() {
  const [queryClient] = useState(() => {
    const client = createQueryClient({ onSessionEnded: notifySessionEnded });
    // Every first screen waits for the session: ask for it now, while the page's code downloads.
    void client.prefetchQuery(sessionQueryOptions());
    return client;
  });
  const [router] = useState(() => {
    preloadRoute(window.location.pathname, queryClient);
    return createBrowserRouter(routes);
  });
  return (
    <AppProviders queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>
  );
}
