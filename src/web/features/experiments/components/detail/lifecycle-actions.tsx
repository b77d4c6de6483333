import { Alert, Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconArchive, IconCalendarEvent, IconCalendarOff, IconCheck, IconPlayerPause, IconPlayerPlay, type Icon } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import type { Experiment, ExperimentAction } from '../../../../../shared/contract/experiments';
import { errorMessage, isApiError } from '../../../../lib/api-error';
import { useTransitionExperiment } from '../../api/transition-experiment';
import { formatLocal, localTimeZone } from '../../utils/date-time';
import { actionLabels, allowedActions } from '../../utils/status';
import { readableAlertTitle } from '../alert-styles';
import { needsApproval, ProposeExperimentChange } from './propose-experiment-change';

const icons: Record<ExperimentAction, Icon> = {
  schedule: IconCalendarEvent,
  unschedule: IconCalendarOff,
  start: IconPlayerPlay,
  pause: IconPlayerPause,
  resume: IconPlayerPlay,
  complete: IconCheck,
  archive: IconArchive,
};

/** What each consequential action does, said before it happens; actions without one run at once. */
function confirmation(action: ExperimentAction, experiment: Experiment): { title: string; body: ReactNode } | null {
  switch (action) {
    case 'start':
      return {
        title: `Start “${experiment.name}” now?`,
        body: `Users in the audience start getting variants right away (${experiment.allocation}% of them enter). From then on the variants, their keys and the values they serve are fixed.`,
      };
    case 'schedule':
      return {
        title: `Schedule “${experiment.name}”?`,
        body: experiment.startAt
          ? `It starts by itself at ${formatLocal(experiment.startAt)} (${localTimeZone()})${experiment.endAt ? ` and completes at ${formatLocal(experiment.endAt)}` : ''}. Until then you can unschedule it.`
          : 'It has no start time yet: set one in the schedule step first.',
      };
    case 'complete':
      return {
        title: `Complete “${experiment.name}”?`,
        body: 'Every user goes back to the usual values (promote the winner to keep its values). The results stay readable, but the experiment cannot run again.',
      };
    case 'archive':
      return { title: `Archive “${experiment.name}”?`, body: 'It leaves the experiments list (filter by Archived to find it) and can no longer change.' };
    default:
      return null;
  }
}

/** The server's reasons an action was refused, each with the field it is about. */
function TransitionError({ error }: { error: unknown }) {
  const fieldErrors = isApiError(error) ? error.fieldErrors : [];
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} role="alert" styles={readableAlertTitle} title={errorMessage(error)}>
      {fieldErrors.length > 0 && (
        <List size="sm">
          {fieldErrors.map((fieldError) => (
            <List.Item key={`${fieldError.path}:${fieldError.message}`}>{fieldError.message}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}

export interface LifecycleActionsProps {
  experiment: Experiment;
  canEdit: boolean;
}

/** The lifecycle buttons the contract's `transitions` table allows from the current status. */
export function LifecycleActions({ experiment, canEdit }: LifecycleActionsProps) {
  const transition = useTransitionExperiment(experiment.id);
  const [pending, setPending] = useState<ExperimentAction | null>(null);
  const actions = allowedActions(experiment.status);
  if (!canEdit || actions.length === 0) return null;

  const run = (action: ExperimentAction) =>
    transition.mutate(
      { action, expectedVersion: experiment.version },
      // A refusal for want of approval closes the dialog: the page then offers the change request.
      { onSuccess: () => setPending(null), onError: (error) => needsApproval(error) && setPending(null) },
    );
  const ask = (action: ExperimentAction) => {
    transition.reset();
    if (confirmation(action, experiment)) setPending(action);
    else run(action);
  };
  const asked = pending ? confirmation(pending, experiment) : null;

  return (
    <Stack gap="sm">
      <Group gap="sm" role="group" aria-label="Lifecycle">
        {actions.map((action) => {
          const ActionIcon = icons[action];
          const primary = action === 'start' || action === 'resume';
          return (
            <Button
              key={action}
              variant={primary ? 'filled' : 'default'}
              color={action === 'complete' ? 'grape.9' : undefined}
              leftSection={<ActionIcon size={16} aria-hidden />}
              loading={transition.isPending && transition.variables.action === action && pending === null}
              onClick={() => ask(action)}
            >
              {actionLabels[action]}
            </Button>
          );
        })}
      </Group>
      {transition.isError && pending === null && needsApproval(transition.error) && (
        <ProposeExperimentChange experiment={experiment} change={transition.variables?.action === 'start' ? { action: 'start' } : null} />
      )}
      {transition.isError && pending === null && !needsApproval(transition.error) && <TransitionError error={transition.error} />}
      <Modal opened={asked !== null} onClose={() => setPending(null)} title={asked?.title} centered closeButtonProps={{ 'aria-label': 'Close dialog' }}>
        <Stack>
          <Text size="sm">{asked?.body}</Text>
          {transition.isError && <TransitionError error={transition.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setPending(null)} disabled={transition.isPending}>
              Cancel
            </Button>
            <Button onClick={() => pending && run(pending)} loading={transition.isPending} color={pending === 'complete' ? 'grape.9' : undefined} data-autofocus>
              {pending ? actionLabels[pending] : ''}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
