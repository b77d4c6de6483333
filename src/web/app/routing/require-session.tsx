import { Center, Container } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { sessionQueryOptions } from '../../features/auth/api/get-session';
import { SessionContext } from '../../features/auth/api/session-context';
import { setupStatusQueryOptions } from '../../features/auth/api/get-setup-status';
import { PageLoader } from '../../components/page-loader';
import { QueryError } from '../../components/query-error';
import { signInPath } from './safe-next';

/**
 * Guards the signed-in pages. Without a session (never had one, signed out, or a 401 anywhere
 * cleared it) it sends people to /setup on a fresh install, else to /sign-in?next=<this page>.
 */
export function RequireSession({ children }: { children: ReactNode }) {
  const location = useLocation();
  const session = useQuery(sessionQueryOptions());
  const setupStatus = useQuery({ ...setupStatusQueryOptions(), enabled: session.data === null });

  if (session.data) return <SessionContext value={session.data}>{children}</SessionContext>;
  if (session.isPending) return <PageLoader fullScreen label="Loading Switchboard…" />;
  if (session.isError) {
    return (
      <Center mih="100dvh" component="main">
        <Container size="xs">
          <title>Switchboard is unavailable</title>
          <QueryError title="Switchboard could not be reached" error={session.error} onRetry={() => void session.refetch()} retrying={session.isFetching} />
        </Container>
      </Center>
    );
  }
  if (setupStatus.isPending) return <PageLoader fullScreen label="Loading Switchboard…" />;
  if (setupStatus.data?.needsSetup) return <Navigate to="/setup" replace />;
  return <Navigate to={signInPath(location)} replace />;
}
