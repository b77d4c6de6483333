import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { Experiment } from '../../../../../shared/contract/experiments';
import { diffJson } from '../../../../../shared/values';
import { FormError } from '../../../../components/form-error';
import { errorMessage } from '../../../../lib/api-error';
import { valuesOf, type ExperimentFormValues } from '../../utils/experiment-form';
import { ChangeList } from '../change-list';

export interface ConflictModalProps {
  /** The experiment as someone else saved it; null closes the modal. */
  current: Experiment | null;
  mine: ExperimentFormValues;
  onReload: () => void;
  onOverwrite: () => void;
  onCancel: () => void;
  overwriting: boolean;
  error?: unknown;
}

/** A save hit a newer version: show what differs and let the person choose whose version stays. */
export function ConflictModal({ current, mine, onReload, onOverwrite, onCancel, overwriting, error }: ConflictModalProps) {
  const differences = current ? diffJson(valuesOf(current), mine).map((change) => ({ ...change, key: change.path, label: change.path })) : [];
  return (
    <Modal opened={current !== null} onClose={onCancel} title="Someone else changed this experiment" size="xl" centered closeButtonProps={{ 'aria-label': 'Close dialog' }}>
      {current && (
        <Stack>
          <Text size="sm">
            Version {current.version} was saved while you were editing{current.status !== 'draft' ? ` (it is now ${current.status})` : ''}. These fields differ between their
            version and yours:
          </Text>
          <ChangeList changes={differences} caption="Their version compared with yours" itemLabel="Field" beforeLabel="Theirs (saved)" afterLabel="Yours (not saved)" />
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
