import { Anchor, EmptyState, Grid, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconFlask, IconHistory } from '@tabler/icons-react';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { AuditEntry } from '../../../shared/contract/audit';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { auditQueryOptions } from '../../features/audit/api/list-audit';
import { actionLabel, objectTypeLabels } from '../../features/audit/components/audit-labels';
import { experimentsQueryOptions } from '../../features/experiments/api/list-experiments';
import { ExperimentVerdict } from '../../features/results/components/experiment-verdict';
import { formatDateTime } from '../../lib/format';
import { useCurrentEnvironment } from '../../lib/use-current-environment';

const objectPaths: Partial<Record<AuditEntry['objectType'], string>> = {
  parameter: '/parameters',
  segment: '/segments',
  experiment: '/experiments',
};

function RunningExperiments() {
  const environment = useCurrentEnvironment().key;
  const running = useQuery(experimentsQueryOptions(environment, { status: 'running' }));
  if (running.isPending) return <Skeleton h={96} radius="md" />;
  if (running.isError) return <QueryError title="Could not load running experiments" error={running.error} onRetry={() => void running.refetch()} retrying={running.isFetching} />;
  if (running.data.length === 0) {
    return (
      <EmptyState
        icon={<IconFlask aria-hidden />}
        withIndicatorBackground
        title="No experiment is running"
        description={
          <>
            Start one from <Anchor component={Link} to="/experiments">Experiments</Anchor> to see here which variant is ahead.
          </>
        }
      />
    );
  }
  return (
    <Stack gap="sm">
      {running.data.map((experiment) => (
        <Paper key={experiment.id} withBorder p="md" radius="md">
          <Group justify="space-between" mb={6} wrap="wrap">
            <Anchor component={Link} to={`/experiments/${encodeURIComponent(experiment.id)}/results`} fw={600}>
              {experiment.name}
            </Anchor>
            <Text size="sm" c="dimmed">
              {experiment.startedAt ? `Running since ${formatDateTime(experiment.startedAt)}` : 'Running'}
            </Text>
          </Group>
          <ExperimentVerdict experimentId={experiment.id} />
        </Paper>
      ))}
    </Stack>
  );
}

function RecentChanges() {
  const audit = useInfiniteQuery(auditQueryOptions({}, 8));
  if (audit.isPending) return <Skeleton h={160} radius="md" />;
  if (audit.isError) return <QueryError title="Could not load recent changes" error={audit.error} onRetry={() => void audit.refetch()} retrying={audit.isFetching} />;
  const entries = audit.data.pages[0]?.items ?? [];
  if (entries.length === 0) {
    return <EmptyState icon={<IconHistory aria-hidden />} withIndicatorBackground title="No changes yet" description="Changes to parameters, segments and experiments show up here." />;
  }
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="xs" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {entries.map((entry) => {
          const base = objectPaths[entry.objectType];
          const label = base ? (
            <Anchor component={Link} to={`${base}/${encodeURIComponent(entry.objectId)}`} inherit>
              {entry.objectLabel}
            </Anchor>
          ) : (
            entry.objectLabel
          );
          return (
            <li key={entry.id}>
              <Text size="sm">
                {actionLabel(entry.action)} {objectTypeLabels[entry.objectType].toLowerCase()} {label}
              </Text>
              <Text size="xs" c="dimmed">
                {entry.actorName} · {formatDateTime(entry.at)}
              </Text>
            </li>
          );
        })}
      </Stack>
      <Anchor component={Link} to="/audit-log" size="sm" mt="sm" display="inline-block">
        See the whole audit log
      </Anchor>
    </Paper>
  );
}

/** The home page: what is being tested right now and how it is going, and what changed lately. */
export function OverviewPage() {
  return (
    <>
      <PageHeader title="Overview" description="Running experiments with their current verdict, and the latest changes." />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }} component="section" aria-labelledby="overview-running">
          <Title order={2} size="h3" id="overview-running" mb="sm">
            Running experiments
          </Title>
          <RunningExperiments />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }} component="section" aria-labelledby="overview-changes">
          <Title order={2} size="h3" id="overview-changes" mb="sm">
            Recent changes
          </Title>
          <RecentChanges />
        </Grid.Col>
      </Grid>
    </>
  );
}
