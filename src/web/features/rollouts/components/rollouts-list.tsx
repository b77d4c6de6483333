import { Anchor, EmptyState, Stack, Table, Text } from '@mantine/core';
import { IconStairsUp } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { Rollout } from '../../../../shared/contract/rollouts';
import { QueryError } from '../../../components/query-error';
import { SkeletonRows, TableHead } from '../../../components/table-parts';
import { useCurrentEnvironment } from '../../../lib/use-current-environment';
import { rolloutsQueryOptions } from '../api/list-rollouts';
import { describeCurrentStep } from '../utils/describe-rollout';
import { RolloutStatusBadge } from './rollout-status-badge';

const columns = ['Rollout', 'Status', 'Current step', 'Last decision'];

/** The newest plain-words decision: the last check's summary, else the log's latest entry. */
function lastDecision(rollout: Rollout): string {
  const latest = [...rollout.log].sort((a, b) => b.at.localeCompare(a.at))[0];
  if (rollout.lastCheck && (!latest || rollout.lastCheck.at >= latest.at)) return rollout.lastCheck.summary;
  return latest?.message ?? 'No decision yet';
}

/** The rollouts of the environment in the header's switcher: where each stands and what the monitor last decided. */
export function RolloutsList() {
  const environment = useCurrentEnvironment().key;
  const rollouts = useQuery(rolloutsQueryOptions(environment));
  const env = `?env=${encodeURIComponent(environment)}`;

  if (rollouts.isError) {
    return <QueryError title="Could not load rollouts" error={rollouts.error} onRetry={() => void rollouts.refetch()} retrying={rollouts.isFetching} />;
  }
  if (rollouts.isSuccess && rollouts.data.length === 0) {
    return (
      <EmptyState
        icon={<IconStairsUp aria-hidden />}
        withIndicatorBackground
        title="No rollouts yet"
        description="No rollouts yet in this environment. A guarded rollout ships a new value in steps and rolls back by itself if a guardrail metric gets worse: start one from a parameter (Roll out safely…) or by promoting an experiment's winner."
      />
    );
  }
  return (
    <Stack gap="md">
      <Table.ScrollContainer minWidth={760}>
        <Table verticalSpacing="sm" highlightOnHover aria-busy={rollouts.isPending}>
          <Table.Caption>Guarded rollouts, newest first</Table.Caption>
          <TableHead columns={columns} />
          <Table.Tbody>
            {rollouts.isPending ? (
              <SkeletonRows columns={columns} />
            ) : (
              rollouts.data.map((rollout) => (
                <Table.Tr key={rollout.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/rollouts/${encodeURIComponent(rollout.id)}${env}`} fw={600}>
                      {rollout.name}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {rollout.changes.map((change) => change.parameterName).join(', ')}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <RolloutStatusBadge status={rollout.status} />
                  </Table.Td>
                  <Table.Td>{describeCurrentStep(rollout)}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{lastDecision(rollout)}</Text>
                  </Table.Td>
                </Table.Tr>
              ))
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
