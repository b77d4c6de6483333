import { Button } from '@mantine/core';
import { IconSettings } from '@tabler/icons-react';
import { Link } from 'react-router';
import { ComingSoon } from '../../components/coming-soon';
import { useSession } from '../../features/auth/api/session-context';

export function OverviewPage() {
  const { user } = useSession();
  return (
    <ComingSoon
      title="Overview"
      message="The overview is not available yet. It arrives with the parameters and experiments releases, and will summarise them here."
    >
      {user.role === 'admin' && (
        <Button component={Link} to="/settings/users" variant="light" leftSection={<IconSettings size={16} aria-hidden />} mt="md">
          Invite your team meanwhile
        </Button>
      )}
    </ComingSoon>
  );
}
