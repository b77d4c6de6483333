import { Anchor, Text } from '@mantine/core';
import { Link, useLocation, useNavigate } from 'react-router';
import { AcceptInviteForm } from '../../features/auth/components/accept-invite-form';
import { AuthCard } from '../../features/auth/components/auth-card';

/** The invite token travels in the fragment (#token=…), which browsers never send to servers or put in Referer. */
function tokenFromHash(hash: string): string | null {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('token');
  return token && token.trim() !== '' ? token.trim() : null;
}

export function AcceptInvitePage() {
  const location = useLocation();
  const navigate = useNavigate();
  const token = tokenFromHash(location.hash);

  if (!token) {
    return (
      <AuthCard title="This invite link is incomplete" description="The link has no invite code in it.">
        <Text size="sm">
          Copy the whole link you were sent, including everything after the “#”, or ask an admin for a new invite.
        </Text>
        <Anchor component={Link} to="/sign-in" size="sm">
          Go to sign in
        </Anchor>
      </AuthCard>
    );
  }

  return (
    <AuthCard title="Join Switchboard" description="You were invited to this workspace. Choose your name and a password to finish.">
      <AcceptInviteForm token={token} onAccepted={() => void navigate('/', { replace: true })} />
    </AuthCard>
  );
}
