import { Alert, Tabs } from '@mantine/core';
import { IconKey, IconLock, IconPlugConnected, IconStack2, IconUserCircle, IconUsers, IconWebhook, type Icon } from '@tabler/icons-react';
import { Navigate, Outlet, useMatch, useNavigate } from 'react-router';
import { useSession } from '../../../features/auth/api/session-context';
import { PageHeader } from '../../../components/page-header';
import { roleLabels } from '../../../lib/roles';

interface SettingsTab {
  value: string;
  label: string;
  icon: Icon;
  adminOnly: boolean;
}

export const settingsTabs: readonly SettingsTab[] = [
  { value: 'profile', label: 'Profile', icon: IconUserCircle, adminOnly: false },
  { value: 'users', label: 'Users', icon: IconUsers, adminOnly: true },
  { value: 'api-tokens', label: 'API tokens', icon: IconKey, adminOnly: true },
  { value: 'sdk-keys', label: 'SDK keys', icon: IconPlugConnected, adminOnly: false },
  { value: 'environments', label: 'Environments', icon: IconStack2, adminOnly: true },
  { value: 'webhooks', label: 'Webhooks', icon: IconWebhook, adminOnly: true },
];

/** Settings: one tab per child route (/settings/profile, /settings/users, /settings/api-tokens). */
export function SettingsPage() {
  const { user } = useSession();
  const navigate = useNavigate();
  const isAdmin = user.role === 'admin';
  const tabs = settingsTabs.filter((tab) => isAdmin || !tab.adminOnly);
  const current = useMatch('/settings/:tab/*')?.params.tab;

  if (!current || !tabs.some((tab) => tab.value === current)) return <Navigate to="/settings/profile" replace />;

  return (
    <>
      <PageHeader title="Settings" description={isAdmin ? 'Your profile, the people in this workspace, API tokens, SDK keys, environments and webhooks.' : 'Your profile.'} />
      {!isAdmin && (
        <Alert variant="light" color="blue" role="note" icon={<IconLock aria-hidden />} title="Users, API tokens and environments are managed by admins" mb="lg">
          You are {user.role === 'editor' ? 'an' : 'a'} {roleLabels[user.role].toLowerCase()}. Only admins invite people, change roles and
          create API tokens or environments. Ask an admin of your workspace if you need any of that.
        </Alert>
      )}
      <Tabs value={current} onChange={(value) => value && void navigate(`/settings/${value}`)} keepMounted={false}>
        <Tabs.List aria-label="Settings sections">
          {tabs.map((tab) => (
            <Tabs.Tab key={tab.value} value={tab.value} leftSection={<tab.icon size={16} aria-hidden />}>
              {tab.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {tabs.map((tab) => (
          <Tabs.Panel key={tab.value} value={tab.value} pt="lg">
            {tab.value === current && <Outlet />}
          </Tabs.Panel>
        ))}
      </Tabs>
    </>
  );
}
