import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChartBar, IconLock, IconPencil, IconTrophy } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Experiment } from '../../../../../shared/contract/experiments';
import { exposureCountsQueryOptions } from '../../api/get-exposures';
import { formatLocal } from '../../utils/date-time';
import { valuesOf } from '../../utils/experiment-form';
import { isFinished, isLive } from '../../utils/status';
import { ExperimentStatusBadge } from '../experiment-status-badge';
import { ExperimentSummary } from '../experiment-summary';
import { AutoShipCard } from './auto-ship-card';
import { ExposureCounts } from './exposure-counts';
import { LifecycleActions } from './lifecycle-actions';
import { PromoteModal } from './promote-modal';
import { PromotionPanel } from './promotion-panel';

export interface ExperimentOverviewProps {
  experiment: Experiment;
  segments: readonly { id: string; name: string }[];
  canEdit: boolean;
}

/** Where it stands (status, dates), what can happen next (lifecycle, promote), and everything about it. */
export function ExperimentOverview({ experiment, segments, canEdit }: ExperimentOverviewProps) {
  const [promoting, setPromoting] = useState(false);
  const { status } = experiment;
  const hasRun = experiment.startedAt !== null;
  const promoted = experiment.promotion !== null && experiment.promotion.undoneAt === null;
  const canPromote = canEdit && hasRun && (isLive(status) || status === 'completed') && !promoted;
  const exposures = useQuery({ ...exposureCountsQueryOptions(experiment.id), enabled: canPromote });
  // The API refuses a promotion without exposures too; the button says why before anyone tries.
  const nobodyExposed = exposures.data !== undefined && exposures.data.reduce((sum, row) => sum + row.users, 0) === 0;

  return (
    <Stack gap="lg">
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="experiment-status-heading">
        <Stack gap="sm">
          <Group justify="space-between" wrap="wrap">
            <Group gap="sm">
              <Title order={2} size="h4" id="experiment-status-heading">
                Status
              </Title>
              <ExperimentStatusBadge status={status} />
              <Text size="sm" c="dimmed">
                {experiment.startedAt ? `Started ${formatLocal(experiment.startedAt)}` : experiment.startAt ? `Starts ${formatLocal(experiment.startAt)}` : 'Not started'}
                {experiment.endedAt ? ` · ended ${formatLocal(experiment.endedAt)}` : experiment.endAt ? ` · ends ${formatLocal(experiment.endAt)}` : ''}
              </Text>
            </Group>
            <Group gap="sm">
              {hasRun && (
                <Button component={Link} to={`/experiments/${experiment.id}/results`} variant="light" leftSection={<IconChartBar size={16} aria-hidden />}>
                  Results
                </Button>
              )}
              {canEdit && !isFinished(status) && (
                <Button component={Link} to={`/experiments/${experiment.id}/edit`} variant="default" leftSection={<IconPencil size={16} aria-hidden />}>
                  Edit
                </Button>
              )}
            </Group>
          </Group>
          {hasRun && <ExposureCounts experiment={experiment} />}
          <LifecycleActions experiment={experiment} canEdit={canEdit} />
          {isLive(status) && (
            <Alert color="blue" variant="light" icon={<IconLock aria-hidden />}>
              While it runs, the variants and the values they serve are locked so every user keeps seeing the same thing. Weights and allocation can still change,
              but that mixes users who entered at different splits.
            </Alert>
          )}
          {canPromote && (
            <Group>
              <Button
                color="teal.9"
                leftSection={<IconTrophy size={16} aria-hidden />}
                onClick={() => setPromoting(true)}
                disabled={nobodyExposed || exposures.isPending}
                aria-describedby={nobodyExposed ? 'promote-blocked-reason' : undefined}
              >
                Promote winner
              </Button>
              {nobodyExposed && (
                <Text size="sm" id="promote-blocked-reason">
                  No one has been exposed yet, so there is no result to promote.
                </Text>
              )}
            </Group>
          )}
        </Stack>
      </Paper>
      <AutoShipCard experiment={experiment} />
      <PromotionPanel experiment={experiment} segments={segments} canEdit={canEdit} />
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="experiment-details-heading">
        <Stack gap="sm">
          <Title order={2} size="h4" id="experiment-details-heading">
            Details
          </Title>
          <ExperimentSummary values={valuesOf(experiment)} segments={segments} timeline={experiment} />
        </Stack>
      </Paper>
      <PromoteModal
        experiment={experiment}
        segments={segments}
        opened={promoting}
        onClose={() => setPromoting(false)}
        onPromoted={(plan) => {
          setPromoting(false);
          notifications.show({
            color: 'teal',
            title: 'Winner promoted',
            message: `${plan.changes.length} ${plan.changes.length === 1 ? 'parameter now serves' : 'parameters now serve'} its values to ${plan.audienceLabel}.`,
            closeButtonProps: { 'aria-label': 'Close notification' },
          });
        }}
      />
    </Stack>
  );
}
