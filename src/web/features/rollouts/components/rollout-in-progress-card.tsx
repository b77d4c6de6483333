import { Alert, Anchor } from '@mantine/core';
import { IconStairsUp } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { rolloutsQueryOptions } from '../api/list-rollouts';
import { formatStepPercent } from '../utils/describe-rollout';

/** On a parameter's page: the guarded rollout changing it right now, if any, with a link to it. */
export function RolloutInProgressCard({ environment, parameterKey }: { environment: string; parameterKey: string }) {
  const rollouts = useQuery(rolloutsQueryOptions(environment, { parameterKey }));
  const active = rollouts.data?.find((rollout) => rollout.status === 'running' || rollout.status === 'paused');
  if (!active) return null;
  const step = active.steps[active.stepIndex];
  const title = `Guarded rollout ${active.status === 'paused' ? 'paused' : 'in progress'}: step ${active.stepIndex + 1} of ${active.steps.length} (${formatStepPercent(step?.percent ?? 0)})`;
  return (
    <Alert color="teal" variant="light" icon={<IconStairsUp aria-hidden />} title={title} mb="md" styles={{ title: { color: 'var(--mantine-color-text)' } }}>
      {active.lastCheck ? `${active.lastCheck.summary} ` : 'Users not yet rolled in keep the current value. '}
      <Anchor component={Link} to={`/rollouts/${encodeURIComponent(active.id)}?env=${encodeURIComponent(environment)}`} size="sm" fw={600} c="var(--mantine-color-text)" underline="always">
        Open the rollout “{active.name}”
      </Anchor>
    </Alert>
  );
}
