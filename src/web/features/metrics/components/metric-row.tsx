import { Anchor, Badge, Button, Code, Group, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArchive, IconArchiveOff, IconPencil, IconTrendingDown, IconTrendingUp } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Metric } from '../../../../shared/contract/metrics';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { errorMessage } from '../../../lib/api-error';
import { useUpdateMetric } from '../api/update-metric';
import { describeMeasure, describeWindow, directionLabels, kindLabels } from './metric-labels';

export interface MetricRowProps {
  metric: Metric;
  canEdit: boolean;
  /** Where the edit drawer opens: the list's URL with ?metric=<id>. */
  editHref: string;
}

// No title: Mantine dims a titled notification's message below the contrast axe requires.
const toast = (color: string, message: string) => notifications.show({ closeButtonProps: { 'aria-label': 'Close notification' }, color, message });

export function MetricRow({ metric, canEdit, editHref }: MetricRowProps) {
  const update = useUpdateMetric();
  const [confirming, setConfirming] = useState(false);
  const archived = metric.archivedAt !== null;
  const archive = () =>
    update.mutate(
      { id: metric.id, body: { expectedVersion: metric.version, archived: true } },
      {
        onSuccess: () => {
          setConfirming(false);
          toast('teal', `“${metric.name}” is archived.`);
        },
      },
    );
  const restore = () =>
    update.mutate(
      { id: metric.id, body: { expectedVersion: metric.version, archived: false } },
      {
        onSuccess: () => toast('teal', `“${metric.name}” is active again.`),
        onError: (error) => toast('red', `Could not restore “${metric.name}”: ${errorMessage(error)}`),
      },
    );
  const DirectionIcon = metric.direction === 'higher' ? IconTrendingUp : IconTrendingDown;

  return (
    <Table.Tr>
      <Table.Td>
        {canEdit ? (
          <Anchor component={Link} to={editHref} fw={500} size="sm">
            {metric.name}
          </Anchor>
        ) : (
          <Text fw={500} size="sm">
            {metric.name}
          </Text>
        )}
        <Code fz="xs" display="block" bg="transparent" p={0} c="dimmed">
          {metric.key}
        </Code>
      </Table.Td>
      <Table.Td>
        <Badge variant="light" color="gray">
          {kindLabels[metric.kind]}
        </Badge>
      </Table.Td>
      <Table.Td style={{ maxWidth: 360 }}>
        <Text size="sm" lineClamp={2} title={describeMeasure(metric)}>
          {describeMeasure(metric)}
        </Text>
      </Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap">
          <DirectionIcon size={16} aria-hidden />
          <Text size="sm">{directionLabels[metric.direction]}</Text>
        </Group>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{describeWindow(metric.windowHours)}</Text>
      </Table.Td>
      {canEdit && (
        <Table.Td>
          <Group gap={4} wrap="nowrap">
            <Button component={Link} to={editHref} size="xs" variant="subtle" leftSection={<IconPencil size={14} aria-hidden />} aria-label={`Edit ${metric.name}`}>
              Edit
            </Button>
            {archived ? (
              <Button size="xs" variant="subtle" leftSection={<IconArchiveOff size={14} aria-hidden />} onClick={restore} loading={update.isPending} aria-label={`Restore ${metric.name}`}>
                Restore
              </Button>
            ) : (
              <Button size="xs" variant="subtle" color="red" c="var(--mantine-color-error)" leftSection={<IconArchive size={14} aria-hidden />} onClick={() => setConfirming(true)} aria-label={`Archive ${metric.name}`}>
                Archive
              </Button>
            )}
          </Group>
          <ConfirmDialog
            opened={confirming}
            title={`Archive “${metric.name}”?`}
            confirmLabel="Archive metric"
            destructive
            loading={update.isPending}
            error={update.error}
            onConfirm={archive}
            onCancel={() => {
              setConfirming(false);
              update.reset();
            }}
          >
            Archived metrics can no longer be added to experiments; finished experiments keep their results. Metrics a running experiment measures cannot be archived.
            You can restore it later.
          </ConfirmDialog>
        </Table.Td>
      )}
    </Table.Tr>
  );
}
