import { Anchor, Breadcrumbs, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { EnvironmentBadge } from '../../components/environment-badge';
import { PageHeader } from '../../components/page-header';
import { PageLoader } from '../../components/page-loader';
import { QueryError } from '../../components/query-error';
import { useSession } from '../../features/auth/api/session-context';
import { ParameterValue } from '../../features/experiments/components/parameter-value';
import { rolloutQueryOptions } from '../../features/rollouts/api/get-rollout';
import { RolloutView } from '../../features/rollouts/components/rollout-view';
import { segmentsQueryOptions } from '../../features/segments/api/list-segments';

/** /rollouts/:id: one guarded rollout, polled while it runs. */
export function RolloutPage() {
  const { id = '' } = useParams();
  const { user } = useSession();
  const rollout = useQuery(rolloutQueryOptions(id));
  const segments = useQuery(segmentsQueryOptions(false));

  const crumbs = (
    <Breadcrumbs mb="xs">
      <Anchor component={Link} to="/rollouts" size="sm">
        Rollouts
      </Anchor>
      <Text size="sm">{rollout.data?.name ?? id}</Text>
    </Breadcrumbs>
  );
  if (rollout.isPending) return <PageLoader label="Loading rollout…" />;
  if (rollout.isError) {
    return (
      <>
        {crumbs}
        <PageHeader title="Rollout" />
        <QueryError title="Could not load this rollout" error={rollout.error} onRetry={() => void rollout.refetch()} retrying={rollout.isFetching} />
      </>
    );
  }
  return (
    <>
      {crumbs}
      <PageHeader title={rollout.data.name} actions={<EnvironmentBadge environmentId={rollout.data.environmentId} />} />
      <RolloutView
        rollout={rollout.data}
        canEdit={user.role !== 'viewer'}
        segmentNames={new Map((segments.data ?? []).map((segment) => [segment.id, segment.name]))}
        renderValue={(parameterKey, value) => <ParameterValue parameterKey={parameterKey} value={value} framed={false} />}
      />
    </>
  );
}
