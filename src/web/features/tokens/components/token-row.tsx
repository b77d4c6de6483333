import { Badge, Button, Code, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { ApiToken } from '../../../../shared/contract/tokens';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { formatDateTime } from '../../../lib/format';
import { roleColors, roleLabels } from '../../../lib/roles';
import { useRevokeToken } from '../api/revoke-token';

export function TokenRow({ token }: { token: ApiToken }) {
  const revokeToken = useRevokeToken();
  const [confirming, setConfirming] = useState(false);
  const revoked = token.revokedAt !== null;

  const revoke = () =>
    revokeToken.mutate(token.id, {
      onSuccess: () => {
        setConfirming(false);
        notifications.show({ color: 'teal', title: 'Token revoked', message: `“${token.name}” no longer works.` });
      },
    });

  return (
    <Table.Tr>
      <Table.Td>
        <Text size="sm" fw={500}>
          {token.name}
        </Text>
      </Table.Td>
      <Table.Td>
        <Badge color={roleColors[token.role]} variant="dot">
          {roleLabels[token.role]}
        </Badge>
      </Table.Td>
      <Table.Td>
        <Code>{token.prefix}…</Code>
      </Table.Td>
      <Table.Td>{formatDateTime(token.createdAt)}</Table.Td>
      <Table.Td>{token.lastUsedAt ? formatDateTime(token.lastUsedAt) : 'Never'}</Table.Td>
      <Table.Td>
        {revoked ? (
          <Badge color="gray" variant="dot">
            Revoked
          </Badge>
        ) : (
          <Badge color="teal" variant="dot">
            Active
          </Badge>
        )}
      </Table.Td>
      <Table.Td>
        {!revoked && (
          <Button size="xs" variant="default" onClick={() => setConfirming(true)} aria-label={`Revoke ${token.name}`}>
            Revoke
          </Button>
        )}
        <ConfirmDialog
          opened={confirming}
          title={`Revoke “${token.name}”?`}
          confirmLabel="Revoke token"
          destructive
          loading={revokeToken.isPending}
          error={revokeToken.error}
          onConfirm={revoke}
          onCancel={() => {
            setConfirming(false);
            revokeToken.reset();
          }}
        >
          Scripts using this token are refused from now on. This cannot be undone.
        </ConfirmDialog>
      </Table.Td>
    </Table.Tr>
  );
}
