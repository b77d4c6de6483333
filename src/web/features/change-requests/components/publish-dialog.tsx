import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { FormError } from '../../../components/form-error';
import { errorMessage } from '../../../lib/api-error';

export interface BypassDialogProps {
  opened: boolean;
  title: string;
  /** What happens, in a sentence, above the reason. */
  explanation: string;
  confirmLabel: string;
  onConfirm: (reason: string) => void;
  onCancel: () => void;
  loading: boolean;
  error: unknown;
}

/** Admins only: do something without the approval the environment requires, saying why (kept in the audit log). */
export function BypassDialog({ opened, title, explanation, confirmLabel, onConfirm, onCancel, loading, error }: BypassDialogProps) {
  const [reason, setReason] = useState('');
  const [invalid, setInvalid] = useState<string | undefined>();
  const confirm = () => {
    if (reason.trim().length < 10) return setInvalid('Say why, in at least 10 characters');
    setInvalid(undefined);
    onConfirm(reason.trim());
  };
  return (
    <Modal opened={opened} onClose={onCancel} title={title} centered closeButtonProps={{ 'aria-label': 'Close dialog' }}>
      <Stack>
        <Text size="sm">{explanation}</Text>
        <Textarea label="Reason" description="Kept in the audit log" required autosize minRows={2} maxLength={500} value={reason} onChange={(event) => setReason(event.currentTarget.value)} error={invalid} data-autofocus />
        <FormError message={error ? errorMessage(error) : undefined} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel} disabled={loading}>
            Cancel
          </Button>
          <Button color="red.9" onClick={confirm} loading={loading}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
