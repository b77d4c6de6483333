import { Anchor, Button, EmptyState, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFlask2, IconPlus, IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { experimentStatuses, type ExperimentStatus } from '../../../../shared/contract/experiments';
import { QueryError } from '../../../components/query-error';
import { metricOptionsQueryOptions } from '../api/catalog-options';
import { experimentsQueryOptions } from '../api/list-experiments';
import { describeAudience } from '../utils/audience';
import { formatLocal, localTimeZone } from '../utils/date-time';
import { statusLabels } from '../utils/status';
import { ExperimentStatusBadge } from './experiment-status-badge';
import { useCurrentEnvironment } from '../../../lib/use-current-environment';
import { SkeletonRows, TableHead } from '../../../components/table-parts';

export interface ExperimentsListProps {
  canEdit: boolean;
  segments: readonly { id: string; name: string }[];
}

const statusOptions = experimentStatuses.map((status) => ({ value: status, label: statusLabels[status] }));

/** Experiments with their status, audience, dates (local time) and primary metric; search and a status filter. */
export function ExperimentsList({ canEdit, segments }: ExperimentsListProps) {
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<ExperimentStatus | null>(null);
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const filters = { search: debounced || undefined, status: status ?? undefined };
  const environment = useCurrentEnvironment().key;
  const experiments = useQuery(experimentsQueryOptions(environment, filters));
  const metrics = useQuery(metricOptionsQueryOptions());
  const metricNames = new Map((metrics.data ?? []).map((metric) => [metric.id, metric.name]));
  const segmentNames = new Map(segments.map((segment) => [segment.id, segment.name]));
  const filtered = Boolean(filters.search || filters.status);
  const zone = localTimeZone();
  const columns = ['Experiment', 'Status', 'Audience', `Start (${zone})`, `End (${zone})`, 'Primary metric'];

  return (
    <Stack gap="md">
      <Group align="flex-end" gap="sm" wrap="wrap" role="search" aria-label="Filter experiments">
        <TextInput
          label="Search"
          placeholder="Name, key or hypothesis"
          leftSection={<IconSearch size={16} aria-hidden />}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          style={{ flex: '1 1 260px' }}
        />
        <Select<ExperimentStatus> label="Status" placeholder="Any status" data={statusOptions} value={status} onChange={setStatus} clearable clearButtonProps={{ 'aria-label': 'Clear the status filter' }} style={{ flex: '0 0 200px' }} />
      </Group>
      {experiments.isError ? (
        <QueryError title="Could not load experiments" error={experiments.error} onRetry={() => void experiments.refetch()} retrying={experiments.isFetching} />
      ) : experiments.isSuccess && experiments.data.length === 0 ? (
        <EmptyState
          icon={<IconFlask2 aria-hidden />}
          withIndicatorBackground
          title={filtered ? 'No experiments match' : 'No experiments yet'}
          description={
            filtered
              ? 'Try other words or another status.'
              : 'An experiment shows variants of some parameters to parts of your audience and measures which one does better.'
          }
        >
          {!filtered && canEdit && (
            <Button component={Link} to="/experiments/new" leftSection={<IconPlus size={16} aria-hidden />}>
              New experiment
            </Button>
          )}
        </EmptyState>
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table verticalSpacing="sm" highlightOnHover aria-busy={experiments.isPending || experiments.isPlaceholderData}>
            <Table.Caption>Experiments, newest first</Table.Caption>
            <TableHead columns={columns} />
            <Table.Tbody>
              {experiments.isPending
                ? <SkeletonRows columns={columns} />
                : experiments.data.map((experiment) => (
                    <Table.Tr key={experiment.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/experiments/${experiment.id}`} fw={600}>
                          {experiment.name}
                        </Anchor>
                        <Text size="xs" c="dimmed" ff="monospace">
                          {experiment.key}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <ExperimentStatusBadge status={experiment.status} />
                      </Table.Td>
                      <Table.Td>{describeAudience(experiment.audience, segmentNames)}</Table.Td>
                      <Table.Td>{formatLocal(experiment.startedAt ?? experiment.startAt)}</Table.Td>
                      <Table.Td>{formatLocal(experiment.endedAt ?? experiment.endAt)}</Table.Td>
                      <Table.Td>{experiment.metrics.primary ? (metricNames.get(experiment.metrics.primary) ?? (metrics.isPending ? '…' : 'Unknown metric')) : <Text size="sm" c="dimmed">None</Text>}</Table.Td>
                    </Table.Tr>
                  ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
