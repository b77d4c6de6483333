import { Menu, UnstyledButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconLogout, IconUserCircle } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import { useSession } from '../../features/auth/api/session-context';
import { useSignOut } from '../../features/auth/api/sign-out';
import { errorMessage } from '../../lib/api-error';
import { roleLabels } from '../../lib/roles';
import { UserBadge } from './user-badge';

/** The account menu (loaded after the shell: Menu brings floating-ui, which the first paint does not need). */
export function UserMenu() {
  const { user } = useSession();
  const signOut = useSignOut();
  const navigate = useNavigate();

  const onSignOut = () =>
    signOut.mutate(undefined, {
      // The sign-in page clears the cached session once the signed-in pages are gone; clearing it
      // here would make the session guard remember this page as "where you were going".
      onSuccess: () => void navigate('/sign-in', { replace: true, state: { signedOut: true } }),
      onError: (error) => notifications.show({ color: 'red', title: 'Could not sign out', message: errorMessage(error) }),
    });

  return (
    <Menu position="bottom-end" width={260} withinPortal>
      <Menu.Target>
        <UnstyledButton aria-label={`${user.name}, ${roleLabels[user.role]}: account menu`}>
          <UserBadge user={user} />
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Signed in as {user.email}</Menu.Label>
        <Menu.Item component={Link} to="/settings/profile" leftSection={<IconUserCircle size={16} aria-hidden />}>
          Your profile
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item onClick={onSignOut} leftSection={<IconLogout size={16} aria-hidden />} disabled={signOut.isPending}>
          Sign out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
