import { ProfileCard } from '../../../features/auth/components/profile-card';

export function ProfileTab() {
  return <ProfileCard />;
}
