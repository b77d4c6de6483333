import { Avatar, Group, Text } from '@mantine/core';
import { IconChevronDown } from '@tabler/icons-react';
import type { User } from '../../../shared/contract/auth';
import { roleLabels } from '../../lib/roles';

/** Avatar, name and role: the face of the account menu button (and its placeholder while the menu loads). */
export function UserBadge({ user }: { user: Pick<User, 'name' | 'role'> }) {
  return (
    <Group gap="xs" wrap="nowrap">
      <Avatar name={user.name} color="initials" size={32} aria-hidden />
      <div style={{ lineHeight: 1.1, minWidth: 0 }}>
        <Text size="sm" fw={500} truncate maw={140}>
          {user.name}
        </Text>
        <Text size="xs" c="dimmed">
          {roleLabels[user.role]}
        </Text>
      </div>
      <IconChevronDown size={14} aria-hidden />
    </Group>
  );
}
