import { Badge } from '@mantine/core';
import type { ExperimentStatus } from '../../../../shared/contract/experiments';
import { statusColors, statusLabels } from '../utils/status';

/** Light badges keep the page's text colour: Mantine's light yellow or teal text fails WCAG contrast. */
export function ExperimentStatusBadge({ status }: { status: ExperimentStatus }) {
  return status === 'running' ? (
    <Badge color="teal.9">{statusLabels[status]}</Badge>
  ) : (
    <Badge color={statusColors[status]} variant="light" c="var(--mantine-color-text)">
      {statusLabels[status]}
    </Badge>
  );
}
