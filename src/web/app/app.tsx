import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { createQueryClient } from '../lib/query-client';
import { AppProviders } from './providers';
import { routes } from './routing/routes';

function sessionEnded() {
  notifications.show({
    id: 'session-ended',
    color: 'yellow',
    title: 'You were signed out',
    message: 'Your session ended. Sign in again to continue where you were.',
  });
}

/** The dashboard: providers around the router. */
export function App() {
  const [queryClient] = useState(() => createQueryClient({ onSessionEnded: sessionEnded }));
  const [router] = useState(() => createBrowserRouter(routes));
  return (
    <AppProviders queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>
  );
}
