import { ActionIcon, Badge, Button, Code, ColorSwatch, Group, Table, Text } from '@mantine/core';
import { IconArrowDown, IconArrowUp } from '@tabler/icons-react';
import { useState } from 'react';
import type { Environment } from '../../../../shared/contract/environments';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { useUpdateEnvironment } from '../api/update-environments';
import { EditEnvironmentModal } from './edit-environment-modal';
import { ApprovalSwitch } from './approval-switch';

export interface EnvironmentRowProps {
  environment: Environment;
  /** Undefined for archived environments, which have no place in the order. */
  onMove?: { up?: () => void; down?: () => void; pending: boolean };
}

export function EnvironmentRow({ environment, onMove }: EnvironmentRowProps) {
  const update = useUpdateEnvironment();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const archived = environment.archivedAt !== null;
  const close = () => {
    setConfirming(false);
    update.reset();
  };
  const toggleArchived = () =>
    update.mutate({ id: environment.id, body: { expectedVersion: environment.version, archived: !archived } }, { onSuccess: () => setConfirming(false) });

  return (
    <Table.Tr>
      <Table.Td>
        <Group gap="xs" wrap="nowrap">
          <ColorSwatch color={environment.color} size={16} withShadow={false} aria-hidden />
          <Text size="sm" fw={500}>
            {environment.name}
          </Text>
        </Group>
      </Table.Td>
      <Table.Td>
        <Code>{environment.key}</Code>
      </Table.Td>
      <Table.Td>
        <Badge color={archived ? 'gray' : 'teal'} variant="dot" mb="xs">
          {archived ? 'Archived' : 'Active'}
        </Badge>
        <ApprovalSwitch environment={environment} />
      </Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap">
          {onMove && (
            <>
              <ActionIcon variant="default" aria-label={`Move ${environment.name} up`} disabled={!onMove.up || onMove.pending} onClick={onMove.up}>
                <IconArrowUp size={16} aria-hidden />
              </ActionIcon>
              <ActionIcon variant="default" aria-label={`Move ${environment.name} down`} disabled={!onMove.down || onMove.pending} onClick={onMove.down}>
                <IconArrowDown size={16} aria-hidden />
              </ActionIcon>
            </>
          )}
          <Button size="xs" variant="default" onClick={() => setEditing(true)} aria-label={`Edit ${environment.name}`}>
            Edit
          </Button>
          <Button size="xs" variant="default" onClick={() => setConfirming(true)} aria-label={`${archived ? 'Unarchive' : 'Archive'} ${environment.name}`}>
            {archived ? 'Unarchive' : 'Archive'}
          </Button>
        </Group>
        {editing && <EditEnvironmentModal environment={environment} onClose={() => setEditing(false)} />}
        <ConfirmDialog
          opened={confirming}
          title={`${archived ? 'Unarchive' : 'Archive'} “${environment.name}”?`}
          confirmLabel={archived ? 'Unarchive' : 'Archive environment'}
          destructive={!archived}
          loading={update.isPending}
          error={update.error}
          onConfirm={toggleArchived}
          onCancel={close}
        >
          {archived
            ? 'It comes back into the switcher, with its values as they were.'
            : 'It leaves the switcher and nobody can change its values. Revoke its SDK keys first: an environment apps still read cannot be archived.'}
        </ConfirmDialog>
      </Table.Td>
    </Table.Tr>
  );
}
