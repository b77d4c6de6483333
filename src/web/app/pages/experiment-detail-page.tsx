import { Anchor, Breadcrumbs, Group, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { EnvironmentBadge } from '../../components/environment-badge';
import { PageHeader } from '../../components/page-header';
import { PageLoader } from '../../components/page-loader';
import { QueryError } from '../../components/query-error';
import { useSession } from '../../features/auth/api/session-context';
import { experimentQueryOptions } from '../../features/experiments/api/get-experiment';
import { ExperimentOverview } from '../../features/experiments/components/detail/experiment-overview';
import { segmentsQueryOptions } from '../../features/segments/api/list-segments';

/** /experiments/:id: where the experiment stands, its lifecycle, promotion, and everything about it. */
export function ExperimentDetailPage() {
  const { id = '' } = useParams();
  const { user } = useSession();
  const experiment = useQuery(experimentQueryOptions(id));
  // Archived segments too: a finished experiment may target one.
  const segments = useQuery(segmentsQueryOptions(false));
  const archivedSegments = useQuery(segmentsQueryOptions(true));

  const crumbs = (
    <Breadcrumbs mb="xs">
      <Anchor component={Link} to="/experiments" size="sm">
        Experiments
      </Anchor>
      <Text size="sm" ff="monospace">
        {experiment.data?.key ?? id}
      </Text>
    </Breadcrumbs>
  );

  if (experiment.isPending) return <PageLoader label="Loading experiment…" />;
  if (experiment.isError) {
    return (
      <>
        {crumbs}
        <PageHeader title="Experiment" />
        <QueryError title="Could not load this experiment" error={experiment.error} onRetry={() => void experiment.refetch()} retrying={experiment.isFetching} />
      </>
    );
  }
  const data = experiment.data;
  return (
    <>
      {crumbs}
      <PageHeader
        title={data.name}
        description={data.hypothesis || undefined}
        actions={
          // An experiment runs in one environment whatever the switcher shows: say which.
          <Group gap={6} wrap="nowrap">
            <Text size="sm" c="dimmed">
              Runs in
            </Text>
            <EnvironmentBadge environmentId={data.environmentId} />
          </Group>
        }
      />
      <ExperimentOverview experiment={data} segments={[...(segments.data ?? []), ...(archivedSegments.data ?? [])]} canEdit={user.role !== 'viewer'} />
    </>
  );
}
