import { Anchor, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Rollout } from '../../../../shared/contract/rollouts';
import { guardrailOptionsQueryOptions } from '../api/guardrail-options';
import { describeCurrentStep } from '../utils/describe-rollout';
import { formatLocal } from '../utils/format-time';
import { DecisionLog } from './decision-log';
import { GuardrailComparison } from './guardrail-comparison';
import { RolloutActions } from './rollout-actions';
import { RolloutChanges } from './rollout-changes';
import { RolloutRules } from './rollout-rules';
import { RolloutStatusBadge } from './rollout-status-badge';
import { StepLadder } from './step-ladder';

export interface RolloutViewProps {
  rollout: Rollout;
  canEdit: boolean;
  segmentNames: ReadonlyMap<string, string>;
  renderValue: (parameterKey: string, value: unknown) => ReactNode;
}

function describeAudience(audience: Rollout['audience'], segmentNames: ReadonlyMap<string, string>): string {
  if (audience.kind === 'everyone') return 'everyone';
  if (audience.kind === 'segment') return `the segment ${segmentNames.get(audience.segmentId) ?? audience.segmentId}`;
  return 'users matching a condition';
}

/** Where the rollout stands (status, step, next check), its controls, and then everything behind its decisions. */
export function RolloutView({ rollout, canEdit, segmentNames, renderValue }: RolloutViewProps) {
  const metrics = useQuery(guardrailOptionsQueryOptions());
  const metricNames = new Map((metrics.data ?? []).map((metric) => [metric.id, metric.name]));
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Stack gap={4}>
          <Group gap="sm">
            <RolloutStatusBadge status={rollout.status} />
            <Text fw={600}>{describeCurrentStep(rollout)}</Text>
          </Group>
          {rollout.source.kind === 'promotion' && (
            <Text size="sm">
              Promotes {rollout.source.variant} of{' '}
              <Anchor component={Link} to={`/experiments/${encodeURIComponent(rollout.source.experimentId)}`} size="sm">
                {rollout.source.experimentName}
              </Anchor>
            </Text>
          )}
          <Text size="sm" c="dimmed">
            {rollout.status === 'running' && rollout.nextCheckAt ? `Next automatic check ${formatLocal(rollout.nextCheckAt)}. ` : ''}
            {rollout.endedAt ? `Ended ${formatLocal(rollout.endedAt)}.` : `Started ${formatLocal(rollout.createdAt)}.`}
          </Text>
        </Stack>
        <RolloutActions rollout={rollout} canEdit={canEdit} />
      </Group>
      {rollout.lastCheck && (
        <Text size="sm" role="status" aria-live="polite">
          Last check: {rollout.lastCheck.summary}
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <StepLadder rollout={rollout} />
        <DecisionLog log={rollout.log} />
      </SimpleGrid>
      <GuardrailComparison rollout={rollout} metricNames={metricNames} />
      <RolloutChanges rollout={rollout} renderValue={renderValue} audienceLabel={describeAudience(rollout.audience, segmentNames)} />
      <RolloutRules rules={rollout.rules} />
    </Stack>
  );
}
