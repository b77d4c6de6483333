import { Anchor, List } from '@mantine/core';
import { Link } from 'react-router';
import type { ExperimentUse } from '../../../shared/contract/usage';
import { ConfirmDialog } from '../confirm-dialog';

export interface ImpactConfirmProps {
  /** The live experiments the save changes; the dialog is open while this is non-empty. */
  affected: readonly ExperimentUse[];
  /** What the save does to them, in a sentence. */
  effect: string;
  onConfirm: () => void;
  onCancel: () => void;
  loading?: boolean;
}

/** Asked before a save that changes what a running experiment serves, reaches or measures. */
export function ImpactConfirm({ affected, effect, onConfirm, onCancel, loading }: ImpactConfirmProps) {
  const count = affected.length;
  return (
    <ConfirmDialog
      opened={count > 0}
      title={count === 1 ? 'This changes a running experiment' : `This changes ${count} running experiments`}
      confirmLabel="Save anyway"
      onConfirm={onConfirm}
      onCancel={onCancel}
      loading={loading}
    >
      <List size="sm" mb="xs">
        {affected.map((experiment) => (
          <List.Item key={experiment.id}>
            <Anchor component={Link} to={`/experiments/${experiment.id}`} size="sm">
              {experiment.name}
            </Anchor>{' '}
            ({experiment.status}): {experiment.how}
          </List.Item>
        ))}
      </List>
      {effect} Its results will mix users from before and after the change.
    </ConfirmDialog>
  );
}
