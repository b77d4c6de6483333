import { Badge, Button, Group, NativeSelect, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { User } from '../../../../shared/contract/auth';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { errorMessage } from '../../../lib/api-error';
import { isRole, roleLabels, roleOptions } from '../../../lib/roles';
import { useUpdateUser } from '../api/update-user';
import { UserStatusBadge } from './user-status-badge';

export interface UserRowProps {
  user: User;
  isCurrentUser: boolean;
}

export function UserRow({ user, isCurrentUser }: UserRowProps) {
  const updateUser = useUpdateUser();
  const [confirmingDisable, setConfirmingDisable] = useState(false);
  const pendingRole = updateUser.isPending ? updateUser.variables.changes.role : undefined;

  const changeRole = (value: string) => {
    if (!isRole(value) || value === user.role) return;
    updateUser.mutate(
      { id: user.id, changes: { role: value } },
      {
        onSuccess: (updated) =>
          notifications.show({ color: 'teal', title: 'Role changed', message: `${updated.name} is now ${roleLabels[updated.role].toLowerCase()}.` }),
        onError: (error) => notifications.show({ color: 'red', title: `Could not change ${user.name}'s role`, message: errorMessage(error) }),
      },
    );
  };

  const setDisabled = (disabled: boolean) =>
    updateUser.mutate(
      { id: user.id, changes: { disabled } },
      {
        onSuccess: (updated) => {
          setConfirmingDisable(false);
          notifications.show({
            color: 'teal',
            title: disabled ? 'Account disabled' : 'Account enabled',
            message: disabled ? `${updated.name} is signed out and cannot sign in.` : `${updated.name} can sign in again.`,
          });
        },
        onError: (error) => {
          if (!disabled) notifications.show({ color: 'red', title: `Could not enable ${user.name}`, message: errorMessage(error) });
        },
      },
    );

  const isDisabled = user.status === 'disabled';
  return (
    <Table.Tr>
      <Table.Td>
        <Group gap="xs" wrap="nowrap">
          <Text size="sm" fw={500}>
            {user.name}
          </Text>
          {isCurrentUser && (
            <Badge size="sm" variant="default">
              You
            </Badge>
          )}
        </Group>
      </Table.Td>
      <Table.Td style={{ overflowWrap: 'anywhere' }}>{user.email}</Table.Td>
      <Table.Td>
        <NativeSelect
          aria-label={`Role of ${user.name}`}
          data={roleOptions}
          value={pendingRole ?? user.role}
          onChange={(event) => changeRole(event.currentTarget.value)}
          disabled={isCurrentUser || updateUser.isPending}
          size="xs"
          w={120}
        />
      </Table.Td>
      <Table.Td>
        <UserStatusBadge status={user.status} />
      </Table.Td>
      <Table.Td>
        {isDisabled ? (
          <Button size="xs" variant="default" onClick={() => setDisabled(false)} loading={updateUser.isPending} aria-label={`Enable ${user.name}`}>
            Enable
          </Button>
        ) : (
          <Button
            size="xs"
            variant="default"
            color="red"
            onClick={() => setConfirmingDisable(true)}
            disabled={isCurrentUser}
            aria-label={`Disable ${user.name}`}
          >
            Disable
          </Button>
        )}
        <ConfirmDialog
          opened={confirmingDisable}
          title={`Disable ${user.name}?`}
          confirmLabel="Disable account"
          destructive
          loading={updateUser.isPending}
          error={confirmingDisable ? updateUser.error : undefined}
          onConfirm={() => setDisabled(true)}
          onCancel={() => {
            setConfirmingDisable(false);
            updateUser.reset();
          }}
        >
          {user.name} ({user.email}) is signed out at once and cannot sign in until an admin enables the account again.
        </ConfirmDialog>
      </Table.Td>
    </Table.Tr>
  );
}
