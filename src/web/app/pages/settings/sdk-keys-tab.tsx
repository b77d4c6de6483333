import { useSession } from '../../../features/auth/api/session-context';
import { SdkKeysPanel } from '../../../features/sdk-keys/components/sdk-keys-panel';

export function SdkKeysTab() {
  const { user } = useSession();
  return <SdkKeysPanel canManage={user.role === 'admin'} />;
}
