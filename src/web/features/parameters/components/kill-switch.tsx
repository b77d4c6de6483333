import { Switch } from '@mantine/core';
import { useState } from 'react';
import type { Parameter } from '../../../../shared/contract/parameters';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { useUpdateParameter } from '../api/update-parameter';
import { notify } from '../utils/notify';
import { useCurrentEnvironment } from '../../../lib/use-current-environment';

export interface KillSwitchProps {
  parameter: Parameter;
  disabled?: boolean;
}

/** Boolean flags only: turns the flag off for every app at once, whatever the rules say. Saves on its own after a confirmation. */
export function KillSwitch({ parameter, disabled }: KillSwitchProps) {
  const environment = useCurrentEnvironment().key;
  const update = useUpdateParameter(environment);
  const [pending, setPending] = useState<boolean | null>(null);

  const confirm = () => {
    if (pending === null) return;
    update.mutate(
      { id: parameter.id, changes: { expectedVersion: parameter.version, killed: pending } },
      {
        onSuccess: (saved) => {
          notify(saved.killed ? 'Kill switch on: every app gets false' : 'Kill switch off: rules apply again', saved.killed ? 'red' : 'teal');
          setPending(null);
        },
      },
    );
  };

  return (
    <>
      <Switch
        label="Kill switch"
        description="When on, every app gets false, whatever the default value and rules say."
        color="red"
        checked={parameter.killed}
        onChange={(event) => setPending(event.currentTarget.checked)}
        disabled={disabled}
      />
      <ConfirmDialog
        opened={pending !== null}
        title={pending ? `Kill “${parameter.name}”?` : `Turn the kill switch off?`}
        confirmLabel={pending ? 'Turn the flag off everywhere' : 'Turn kill switch off'}
        destructive={pending === true}
        onConfirm={confirm}
        onCancel={() => {
          setPending(null);
          update.reset();
        }}
        loading={update.isPending}
        error={update.error}
      >
        {pending
          ? 'Every app gets false for this flag within seconds, whatever its default value and rules say.'
          : 'Apps get the default value and targeting rules again.'}
      </ConfirmDialog>
    </>
  );
}
