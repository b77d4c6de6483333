import { Button, Group, List, Modal, Stack, Text, Textarea } from '@mantine/core';
import { IconArrowBackUp, IconCheck, IconPlayerPause, IconPlayerPlay, IconPlayerTrackNext, IconRefresh, type Icon } from '@tabler/icons-react';
import { useState } from 'react';
import type { Rollout, RolloutAction } from '../../../../shared/contract/rollouts';
import { FormError } from '../../../components/form-error';
import { errorMessage, isApiError } from '../../../lib/api-error';
import { useRolloutAction } from '../api/rollout-action';
import { actionBlockedReason, actionLabels } from '../utils/describe-rollout';

const icons: Record<RolloutAction, Icon> = {
  pause: IconPlayerPause,
  resume: IconPlayerPlay,
  advance: IconPlayerTrackNext,
  roll_back: IconArrowBackUp,
  finish: IconCheck,
  check: IconRefresh,
};

/** Pause and Resume share a place: the one that applies is shown. */
function shownActions(rollout: Rollout): RolloutAction[] {
  return [rollout.status === 'paused' ? 'resume' : 'pause', 'check', 'advance', 'finish', 'roll_back'];
}

function RollBackDialog({ opened, onClose, onConfirm, loading, error }: { opened: boolean; onClose: () => void; onConfirm: (reason: string) => void; loading: boolean; error: unknown }) {
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const missing = reason.trim() === '';
  const fieldError = isApiError(error) ? error.fieldErrors.find((e) => e.path === 'reason')?.message : undefined;
  return (
    <Modal opened={opened} onClose={onClose} title="Roll back this rollout?" centered closeButtonProps={{ 'aria-label': 'Close dialog' }}>
      <Stack
        component="form"
        onSubmit={(event) => {
          event.preventDefault();
          setTried(true);
          if (!missing) onConfirm(reason.trim());
        }}
      >
        <Text size="sm">Everyone in the audience gets the old value again at once. The rollout ends and cannot resume.</Text>
        <Textarea
          label="Why are you rolling back?"
          description="Kept in the decision log."
          withAsterisk
          rows={3}
          maxLength={500}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          error={fieldError ?? (tried && missing ? 'Say why you are rolling back' : undefined)}
          data-autofocus
        />
        <FormError message={error && !fieldError ? errorMessage(error) : undefined} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={loading}>
            Cancel
          </Button>
          <Button type="submit" color="red.9" loading={loading}>
            Roll back
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** The rollout's controls; each one that cannot be used now is disabled and says why. */
export function RolloutActions({ rollout, canEdit }: { rollout: Rollout; canEdit: boolean }) {
  const act = useRolloutAction(rollout.id);
  const [rollingBack, setRollingBack] = useState(false);
  const actions = shownActions(rollout);
  const blocked = actions.map((action) => ({ action, reason: actionBlockedReason(rollout, action, canEdit) }));
  const reasons = blocked.filter((b) => b.reason !== null);
  // Ended or read-only: one sentence says why every control is off instead of five.
  const allBlockedAlike = reasons.length === actions.length && new Set(reasons.map((b) => b.reason)).size === 1;
  const run = (action: RolloutAction, reason?: string) => act.mutate({ action, expectedVersion: rollout.version, ...(reason ? { reason } : {}) }, { onSuccess: () => setRollingBack(false) });

  return (
    <Stack gap="xs" align="flex-end">
      <Group gap="xs" role="group" aria-label="Rollout actions" justify="flex-end">
        {blocked.map(({ action, reason }) => {
          const ActionIcon = icons[action];
          return (
            <Button
              key={action}
              size="sm"
              variant={action === 'check' ? 'filled' : 'default'}
              color={action === 'roll_back' ? 'red.9' : undefined}
              leftSection={<ActionIcon size={16} aria-hidden />}
              disabled={reason !== null}
              aria-describedby={reason === null ? undefined : allBlockedAlike ? 'rollout-actions-why' : `rollout-action-${action}-why`}
              loading={act.isPending && act.variables.action === action && !rollingBack}
              onClick={() => {
                act.reset();
                if (action === 'roll_back') setRollingBack(true);
                else run(action);
              }}
            >
              {actionLabels[action]}
            </Button>
          );
        })}
      </Group>
      {allBlockedAlike ? (
        <Text size="xs" c="dimmed" id="rollout-actions-why">
          {reasons[0].reason}
        </Text>
      ) : (
        reasons.length > 0 && (
          <List size="xs" c="dimmed">
            {reasons.map(({ action, reason }) => (
              <List.Item key={action} id={`rollout-action-${action}-why`}>
                {actionLabels[action].replace('…', '')}: {reason}
              </List.Item>
            ))}
          </List>
        )
      )}
      {act.isError && !rollingBack && <FormError message={errorMessage(act.error)} />}
      <RollBackDialog key={String(rollingBack)} opened={rollingBack} onClose={() => setRollingBack(false)} onConfirm={(reason) => run('roll_back', reason)} loading={act.isPending} error={rollingBack ? act.error : null} />
    </Stack>
  );
}
