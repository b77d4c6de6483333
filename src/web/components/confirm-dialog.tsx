import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { errorMessage } from '../lib/api-error';
import { FormError } from './form-error';

export interface ConfirmDialogProps {
  opened: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  loading?: boolean;
  error?: unknown;
  /** Red confirm button for actions that cannot be undone. */
  destructive?: boolean;
}

export function ConfirmDialog({ opened, title, children, confirmLabel, onConfirm, onCancel, loading = false, error, destructive = false }: ConfirmDialogProps) {
  return (
    <Modal opened={opened} onClose={onCancel} title={title} centered closeButtonProps={{ 'aria-label': 'Close dialog' }}>
      <Stack>
        <Text size="sm" component="div">
          {children}
        </Text>
        <FormError message={error ? errorMessage(error) : undefined} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel} disabled={loading}>
            Cancel
          </Button>
          <Button color={destructive ? 'red.9' : undefined} onClick={onConfirm} loading={loading} data-autofocus>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
