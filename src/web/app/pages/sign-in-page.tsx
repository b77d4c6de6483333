import { Alert } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { sessionQueryOptions } from '../../features/auth/api/get-session';
import { setupStatusQueryOptions } from '../../features/auth/api/get-setup-status';
import { AuthCard } from '../../features/auth/components/auth-card';
import { SignInForm } from '../../features/auth/components/sign-in-form';
import { PageLoader } from '../../components/page-loader';
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
  const session = useQuery(sessionQueryOptions());
  const setupStatus = useQuery(setupStatusQueryOptions());

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
        <Alert color="teal" variant="light">
          You are signed out.
        </Alert>
      )}
      <SignInForm onSignedIn={() => void navigate(next, { replace: true })} />
    </AuthCard>
  );
}

