import { Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { ExperimentChange } from '../../../../shared/contract/change-requests';
import type { SegmentName } from '../utils/describe-rules';

function audienceText(audience: unknown, segmentName: SegmentName): string {
  const value = (typeof audience === 'object' && audience !== null ? audience : {}) as { kind?: string; segmentId?: string };
  if (value.kind === 'everyone') return 'everyone';
  if (value.kind === 'segment') return `segment “${segmentName(value.segmentId ?? '') ?? value.segmentId ?? 'unknown'}”`;
  return 'the experiment’s audience';
}

/** Starting an experiment, or promoting its winner, proposed in an environment that requires approval. */
export function ExperimentChangeItem({ change, environmentKey, segmentName }: { change: ExperimentChange; environmentKey: string; segmentName: SegmentName }) {
  const headingId = `experiment-change-${change.experimentId}`;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={headingId}>
      <Stack gap={4}>
        <Title order={3} size="h4" id={headingId}>
          {change.experimentName}
        </Title>
        <Anchor component={Link} to={`/experiments/${encodeURIComponent(change.experimentId)}?env=${encodeURIComponent(environmentKey)}`} size="sm" ff="monospace">
          {change.experimentKey}
        </Anchor>
        <Text size="sm">
          {change.action === 'start'
            ? 'Start the experiment: its variants begin serving to its audience.'
            : `Promote variant “${change.promote?.variant ?? '?'}” to ${audienceText(change.promote?.audience, segmentName)}.`}
        </Text>
        <Text size="sm" c="dimmed">{`Based on version ${change.baseVersion}`}</Text>
      </Stack>
    </Paper>
  );
}
