import { Badge } from '@mantine/core';
import type { RolloutStatus } from '../../../../shared/contract/rollouts';
import { rolloutStatusLabels } from '../utils/describe-rollout';

const colors: Record<RolloutStatus, string> = { running: 'teal.9', paused: 'yellow', rolled_back: 'red.9', completed: 'indigo' };

/** Filled badges where the colour is dark enough for white text; light ones keep the page's text colour (WCAG contrast). */
export function RolloutStatusBadge({ status }: { status: RolloutStatus }) {
  return status === 'running' || status === 'rolled_back' ? (
    <Badge color={colors[status]}>{rolloutStatusLabels[status]}</Badge>
  ) : (
    <Badge color={colors[status]} variant="light" c="var(--mantine-color-text)">
      {rolloutStatusLabels[status]}
    </Badge>
  );
}
