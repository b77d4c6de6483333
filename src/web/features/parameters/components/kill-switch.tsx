import { Switch } from '@mantine/core';
import { useState } from 'react';
import type { Parameter } from '../../../../shared/contract/parameters';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { useUpdateParameter } from '../api/update-parameter';
import { notify } from '../utils/notify';
import { useCurrentEnvironment } from '../../../lib/use-current-environment';
import type { ProposeChange } from '../utils/approval-gate';
import type { UpdateParameterBody } from '../../../../shared/contract/parameters';

export interface KillSwitchProps {
  parameter: Parameter;
  disabled?: boolean;
  /** Set when the environment requires approval: flipping the switch proposes the change instead. */
  onProposeChange?: ProposeChange;
}

/** Boolean flags only: turns the flag off for every app at once, whatever the rules say. Saves on its own after a confirmation. */
export function KillSwitch({ parameter, disabled, onProposeChange }: KillSwitchProps) {
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
        onChange={(event) => {
          const killed = event.currentTarget.checked;
          if (!onProposeChange) return setPending(killed);
          onProposeChange({
            parameter,
            baseVersion: parameter.version,
            after: { defaultValue: parameter.defaultValue, killed, rules: parameter.rules },
            saveDirectly: async (bypassReason) => {
              await update.mutateAsync({ id: parameter.id, changes: { expectedVersion: parameter.version, killed, bypassReason } as UpdateParameterBody });
            },
            saveRest: async () => undefined,
          });
        }}
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
