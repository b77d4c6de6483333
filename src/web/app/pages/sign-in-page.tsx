import { Alert } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { sessionQueryOptions } from '../../features/auth/api/get-session';
import { setupStatusQueryOptions } from '../../features/auth/api/get-setup-status';
import { AuthCard } from '../../features/auth/components/auth-card';
import { SignInForm } from '../../features/auth/components/sign-in-form';
import { MockDemoCredentials } from '../../components/mock-demo-credentials';
import { PageLoader } from '../../components/page-loader';
import { clearSession } from '../../lib/session-cache';
import { safeNext } from '../routing/safe-next';

function cameFromSignOut(state: unknown): boolean {
  return typeof state === 'object' && state !== null && 'signedOut' in state && state.signedOut === true;
}

export function SignInPage() {
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const location = useLocation();
  const navigate = useNavigate();
  const signedOut = cameFromSignOut(location.state);
  const queryClient = useQueryClient();
  const session = useQuery(sessionQueryOptions());
  const setupStatus = useQuery(setupStatusQueryOptions());

  // Arriving from "Sign out": the server session is gone; forget the cached one and all data loaded with it.
  useEffect(() => {
    if (signedOut) clearSession(queryClient);
  }, [signedOut, queryClient]);

  if (session.data && !signedOut) return <Navigate to={next} replace />;
  if (setupStatus.data?.needsSetup) return <Navigate to="/setup" replace />;
  if (session.isPending) return <PageLoader fullScreen />;

  return (
    <AuthCard
      title="Sign in"
      description={next === '/' ? 'Welcome back to Switchboard.' : 'Sign in to continue where you were.'}
      footer="No account yet? Ask an admin of your workspace for an invite link."
    >
      {signedOut && (
        <Alert color="teal" variant="light" role="status">
          You are signed out.
        </Alert>
      )}
      <MockDemoCredentials />
      <SignInForm onSignedIn={() => void navigate(next, { replace: true })} />
    </AuthCard>
  );
}

