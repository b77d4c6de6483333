import { Badge, Button, Code, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { SdkKey } from '../../../../shared/contract/sdk-keys';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { EnvironmentBadge } from '../../../components/environment-badge';
import { formatDateTime } from '../../../lib/format';
import { useRevokeSdkKey } from '../api/revoke-sdk-key';

export function SdkKeyRow({ sdkKey, canManage }: { sdkKey: SdkKey; canManage: boolean }) {
  const revokeKey = useRevokeSdkKey();
  const [confirming, setConfirming] = useState(false);
  const revoked = sdkKey.revokedAt !== null;

  const revoke = () =>
    revokeKey.mutate(sdkKey.id, {
      onSuccess: () => {
        setConfirming(false);
        notifications.show({ closeButtonProps: { 'aria-label': 'Close notification' }, color: 'teal', title: 'SDK key revoked', message: `Apps using “${sdkKey.name}” are refused from now on.` });
      },
    });

  return (
    <Table.Tr>
      <Table.Td>
        <Text size="sm" fw={500}>
          {sdkKey.name}
        </Text>
      </Table.Td>
      <Table.Td>
        <EnvironmentBadge environmentId={sdkKey.environmentId} />
      </Table.Td>
      <Table.Td>
        <Badge color={sdkKey.kind === 'server' ? 'grape' : 'blue'} variant="light">
          {sdkKey.kind === 'server' ? 'Server' : sdkKey.allowEvents ? 'Client + events' : 'Client'}
        </Badge>
      </Table.Td>
      <Table.Td>
        <Code>{sdkKey.prefix}…</Code>
      </Table.Td>
      <Table.Td>{formatDateTime(sdkKey.createdAt)}</Table.Td>
      <Table.Td>{sdkKey.lastUsedAt ? formatDateTime(sdkKey.lastUsedAt) : 'Never'}</Table.Td>
      <Table.Td>
        <Badge color={revoked ? 'gray' : 'teal'} variant="dot">
          {revoked ? 'Revoked' : 'Active'}
        </Badge>
      </Table.Td>
      {canManage && (
        <Table.Td>
          {!revoked && (
            <Button size="xs" variant="default" onClick={() => setConfirming(true)} aria-label={`Revoke ${sdkKey.name}`}>
              Revoke
            </Button>
          )}
          <ConfirmDialog
            opened={confirming}
            title={`Revoke “${sdkKey.name}”?`}
            confirmLabel="Revoke key"
            destructive
            loading={revokeKey.isPending}
            error={revokeKey.error}
            onConfirm={revoke}
            onCancel={() => {
              setConfirming(false);
              revokeKey.reset();
            }}
          >
            Apps using this key stop getting values at once and fall back to their defaults. This cannot be undone.
          </ConfirmDialog>
        </Table.Td>
      )}
    </Table.Tr>
  );
}
