import { Button, EmptyState, Group, Switch, Table, TextInput } from '@mantine/core';
import { IconChartLine, IconPlus, IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { Metric } from '../../../../shared/contract/metrics';
import { QueryError } from '../../../components/query-error';
import { metricsQueryOptions } from '../api/list-metrics';
import { describeMeasure, kindLabels } from './metric-labels';
import { MetricRow } from './metric-row';
import { SkeletonRows, TableHead } from '../../../components/table-parts';

export interface MetricsBrowserProps {
  canEdit: boolean;
  /** The link that opens the drawer for `id` ('new' for a new metric). */
  hrefFor: (id: string) => string;
}

function matches(metric: Metric, search: string): boolean {
  const needle = search.trim().toLowerCase();
  if (!needle) return true;
  return [metric.name, metric.key, metric.description, kindLabels[metric.kind], describeMeasure(metric)].some((text) => text.toLowerCase().includes(needle));
}

/** The metric catalog: search, the archived toggle, and loading, empty and error states. */
export function MetricsBrowser({ canEdit, hrefFor }: MetricsBrowserProps) {
  const [archived, setArchived] = useState(false);
  const [search, setSearch] = useState('');
  const metrics = useQuery(metricsQueryOptions(archived));
  const shown = useMemo(() => (metrics.data ?? []).filter((metric) => matches(metric, search)), [metrics.data, search]);
  const columns = ['Name', 'Kind', 'Measures', 'Direction', 'Window', ...(canEdit ? ['Actions'] : [])];

  const controls = (
    <Group justify="space-between" mb="sm" gap="md">
      <TextInput
        label="Search metrics"
        placeholder="Name, key or event"
        leftSection={<IconSearch size={16} aria-hidden />}
        value={search}
        onChange={(change) => setSearch(change.currentTarget.value)}
        w={320}
      />
      <Switch label="Show archived metrics" checked={archived} onChange={(change) => setArchived(change.currentTarget.checked)} />
    </Group>
  );

  if (metrics.isError) {
    return (
      <>
        {controls}
        <QueryError title="Could not load metrics" error={metrics.error} onRetry={() => void metrics.refetch()} retrying={metrics.isFetching} />
      </>
    );
  }
  if (metrics.isSuccess && metrics.data.length === 0) {
    return (
      <>
        {controls}
        <EmptyState
          icon={<IconChartLine aria-hidden />}
          withIndicatorBackground
          title={archived ? 'No archived metrics' : 'No metrics yet'}
          description={
            archived
              ? 'Archived metrics show up here.'
              : 'A metric turns the events your app sends into a number experiments compare: the share of users who purchased, revenue per user, or purchases per visit.'
          }
        >
          {!archived && canEdit && (
            <Button component={Link} to={hrefFor('new')} leftSection={<IconPlus size={16} aria-hidden />}>
              New metric
            </Button>
          )}
        </EmptyState>
      </>
    );
  }

  return (
    <>
      {controls}
      {metrics.isSuccess && shown.length === 0 ? (
        <EmptyState icon={<IconSearch aria-hidden />} title="No metrics match" description={`Nothing matches “${search.trim()}”. Try another word or clear the search.`}>
          <Button variant="default" onClick={() => setSearch('')}>
            Clear search
          </Button>
        </EmptyState>
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table verticalSpacing="sm" highlightOnHover aria-busy={metrics.isPending}>
            <Table.Caption>{archived ? 'Archived metrics' : 'Metrics'}</Table.Caption>
            <TableHead columns={columns} />
            <Table.Tbody>
              {metrics.isPending
                ? <SkeletonRows columns={columns} />
                : shown.map((metric) => <MetricRow key={metric.id} metric={metric} canEdit={canEdit} editHref={hrefFor(metric.id)} />)}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </>
  );
}
