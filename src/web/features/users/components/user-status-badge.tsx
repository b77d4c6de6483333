import { Badge } from '@mantine/core';
import type { User } from '../../../../shared/contract/auth';

const statusLook: Record<User['status'], { label: string; color: string }> = {
  active: { label: 'Active', color: 'teal' },
  invited: { label: 'Invite pending', color: 'yellow' },
  disabled: { label: 'Disabled', color: 'gray' },
};

export function UserStatusBadge({ status }: { status: User['status'] }) {
  const look = statusLook[status];
  return (
    <Badge color={look.color} variant="dot">
      {look.label}
    </Badge>
  );
}
