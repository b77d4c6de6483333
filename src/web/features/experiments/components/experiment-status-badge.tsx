import { Badge } from '@mantine/core';
import type { ExperimentStatus } from '../../../../shared/contract/experiments';
import { statusColors, statusLabels } from '../utils/status';

export function ExperimentStatusBadge({ status }: { status: ExperimentStatus }) {
  return (
    <Badge color={statusColors[status]} variant={status === 'running' ? 'filled' : 'light'}>
      {statusLabels[status]}
    </Badge>
  );
}
