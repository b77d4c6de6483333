import { useState } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { createQueryClient } from '../lib/query-client';
import { AppProviders } from './providers';
import { routes } from './routing/routes';
import { notifySessionEnded } from './session-ended';

/** The dashboard: providers around the router. */
export function App() {
  const [queryClient] = useState(() => createQueryClient({ onSessionEnded: notifySessionEnded }));
  const [router] = useState(() => createBrowserRouter(routes));
  return (
    <AppProviders queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>
  );
}
