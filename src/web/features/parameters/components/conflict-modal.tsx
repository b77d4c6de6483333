import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { Parameter } from '../../../../shared/contract/parameters';
import { diffJson } from '../../../../shared/values';
import { FormError } from '../../../components/form-error';
import { errorMessage } from '../../../lib/api-error';
import { editableOf, type EditableParameter } from '../utils/editable-fields';
import { ChangeTable } from './change-table';

export interface ConflictModalProps {
  /** The parameter as someone else saved it; null closes the modal. */
  current: Parameter | null;
  /** What this person has in the form. */
  mine: EditableParameter;
  onReload: () => void;
  onOverwrite: () => void;
  onCancel: () => void;
  overwriting: boolean;
  error?: unknown;
}

/** A save hit a newer version: show what differs and let the person choose whose version stays. */
export function ConflictModal({ current, mine, onReload, onOverwrite, onCancel, overwriting, error }: ConflictModalProps) {
  const differences = current ? diffJson(editableOf(current), mine) : [];
  return (
    <Modal opened={current !== null} onClose={onCancel} title="Someone else changed this parameter" size="xl" centered closeButtonProps={{ 'aria-label': 'Close dialog' }}>
      {current && (
        <Stack>
          <Text size="sm">
            Version {current.version} was saved while you were editing. These fields differ between their version and yours:
          </Text>
          <ChangeTable changes={differences} caption="Their version compared with yours" beforeLabel="Theirs (saved)" afterLabel="Yours (not saved)" />
          <FormError message={error ? errorMessage(error) : undefined} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onReload} disabled={overwriting}>
              Reload their version
            </Button>
            <Button color="red.9" onClick={onOverwrite} loading={overwriting}>
              Overwrite with mine
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
