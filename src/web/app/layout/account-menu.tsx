import { lazy, Suspense } from 'react';
import { useSession } from '../../features/auth/api/session-context';
import { UserBadge } from './user-badge';

const UserMenu = lazy(async () => ({ default: (await import('./user-menu')).UserMenu }));

/** The header's account menu; until its code arrives, the same face without the menu. */
export function AccountMenu() {
  const { user } = useSession();
  return (
    <Suspense fallback={<UserBadge user={user} />}>
      <UserMenu />
    </Suspense>
  );
}
