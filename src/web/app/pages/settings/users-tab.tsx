import { useSession } from '../../../features/auth/api/session-context';
import { UsersPanel } from '../../../features/users/components/users-panel';

export function UsersTab() {
  const { user } = useSession();
  return <UsersPanel currentUserId={user.id} />;
}
