import { Avatar, Group, Text } from '@mantine/core';
import { IconChevronDown } from '@tabler/icons-react';
import type { User } from '../../../shared/contract/auth';
import { roleLabels } from '../../lib/roles';

/** Up to two initials, as Mantine's Avatar would draw them from the name. */
export function initialsOf(name: string): string {
  return name.trim().split(/\s+/).slice(0, 2).map((word) => word.charAt(0).toUpperCase()).join('');
}

/** Avatar, name and role: the face of the account menu button (and its placeholder while the menu loads). */
export function UserBadge({ user }: { user: Pick<User, 'name' | 'role'> }) {
  return (
    <Group gap="xs" wrap="nowrap">
      {/* The initials are decoration beside the name, so global.css draws them (.sb-avatar-initials):
          as text they would join the button's visible label, which its accessible name ("name, role:
          account menu") must contain (WCAG 2.5.3). Body-text colour on the light tint of
          the name's colour: the tint's own shade fell below 4.5:1 on some colours. */}
      <Avatar name={user.name} color="initials" variant="light" size={32} aria-hidden styles={{ placeholder: { color: 'var(--mantine-color-text)' } }}>
        <span className="sb-avatar-initials" data-initials={initialsOf(user.name)} />
      </Avatar>
      <div style={{ lineHeight: 1.1, minWidth: 0 }}>
        <Text size="sm" fw={500} truncate maw={140}>
          {user.name}
        </Text>
        {/* Read as "Name Role", not "NameRole": axe joins a button's text nodes as they are. */}{' '}
        <Text size="xs" c="dimmed">
          {roleLabels[user.role]}
        </Text>
      </div>
      <IconChevronDown size={14} aria-hidden />
    </Group>
  );
}
