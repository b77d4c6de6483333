import { Anchor, Button, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, Navigate, useNavigate } from 'react-router';
import { sessionQueryOptions } from '../../features/auth/api/get-session';
import { setupStatusQueryOptions } from '../../features/auth/api/get-setup-status';
import { AuthCard } from '../../features/auth/components/auth-card';
import { SetupForm } from '../../features/auth/components/setup-form';
import { PageLoader } from '../../components/page-loader';
import { QueryError } from '../../components/query-error';

/** First run: shown while the workspace has no user at all. */
export function SetupPage() {
  const navigate = useNavigate();
  const session = useQuery(sessionQueryOptions());
  const setupStatus = useQuery(setupStatusQueryOptions());

  if (session.data) return <Navigate to="/" replace />;
  if (setupStatus.isPending) return <PageLoader fullScreen />;
  if (setupStatus.isError) {
    return (
      <AuthCard title="Set up Switchboard">
        <QueryError title="Could not check the setup status" error={setupStatus.error} onRetry={() => void setupStatus.refetch()} retrying={setupStatus.isFetching} />
      </AuthCard>
    );
  }
  if (!setupStatus.data.needsSetup) {
    return (
      <AuthCard title="Switchboard is set up" description="This workspace already has its admin.">
        <Text size="sm">Sign in with your account, or ask an admin for an invite link.</Text>
        <Button component={Link} to="/sign-in">
          Go to sign in
        </Button>
      </AuthCard>
    );
  }

  return (
    <AuthCard
      title="Set up Switchboard"
      description="Create the first admin account. You can invite your team once you are in."
      footer={
        <>
          Already set up?{' '}
          <Anchor component={Link} to="/sign-in">
            Sign in
          </Anchor>
        </>
      }
    >
      <SetupForm onSetUp={() => void navigate('/', { replace: true })} />
    </AuthCard>
  );
}
