import { Alert, Anchor, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconRocket } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { Experiment } from '../../../../../shared/contract/experiments';
import { metricOptionsQueryOptions } from '../../api/catalog-options';
import { autoShipAudienceText, autoShipFrom, autoShipStepsText, dayText } from '../../utils/auto-ship';

/**
 * What auto-ship will do and when, or what it did (with a link to the rollout it started), or
 * why it could not. Shown only for experiments with auto-ship on or that it shipped.
 */
export function AutoShipCard({ experiment }: { experiment: Experiment }) {
  const autoShip = experiment.autoShip;
  const metrics = useQuery({ ...metricOptionsQueryOptions(), enabled: Boolean(autoShip?.enabled && !autoShip.shipped) });
  if (!autoShip || (!autoShip.enabled && !autoShip.shipped)) return null;
  const { shipped, problem } = autoShip;
  const variantName = (key: string) => experiment.variants.find((v) => v.key === key)?.name ?? key;

  let body;
  if (shipped) {
    body = (
      <Text size="sm">
        {variantName(shipped.variant)} won and shipped on {dayText(new Date(shipped.at))} to {autoShipAudienceText(autoShip.audience)} through a guarded rollout.{' '}
        <Anchor component={Link} to={`/rollouts/${encodeURIComponent(shipped.rolloutId)}`}>
          Open the rollout
        </Anchor>
      </Text>
    );
  } else if (experiment.status === 'completed' || experiment.status === 'archived') {
    body = <Text size="sm">The experiment ended before a winner was shipped: auto-ship no longer acts on it.</Text>;
  } else if (metrics.isPending && metrics.fetchStatus !== 'idle') {
    body = <Skeleton height={16} radius="sm" aria-label="Loading what auto-ship will do" />;
  } else {
    // Without the catalog (an error) the sentence still says what happens, naming no metric.
    const metric = metrics.data?.find((m) => m.id === experiment.metrics.primary)?.name ?? 'the primary metric';
    const from = autoShipFrom(experiment);
    const when = from ? `From ${dayText(from)}` : `From ${autoShip.minDays} ${autoShip.minDays === 1 ? 'day' : 'days'} after the start`;
    const leader = experiment.winnerFound?.variant;
    const controlLeads = leader !== undefined && leader === experiment.variants[0]?.key;
    const who = leader && !controlLeads ? `${variantName(leader)} still wins` : 'a variant wins';
    body = (
      <Stack gap="xs">
        <Text size="sm">
          {when}, if {who} on {metric} and no guardrail worsens, it ships to {autoShipAudienceText(autoShip.audience)} through a guarded rollout ({autoShipStepsText}).
        </Text>
        {experiment.winnerFound && (
          <Text size="sm" c="dimmed">
            {variantName(experiment.winnerFound.variant)} has been winning since {dayText(new Date(experiment.winnerFound.at))}
            {controlLeads ? ': while the control wins there is nothing to ship.' : '.'}
          </Text>
        )}
        {experiment.status === 'paused' && (
          <Text size="sm" c="dimmed">
            Paused: auto-ship waits until the experiment runs again.
          </Text>
        )}
      </Stack>
    );
  }

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="auto-ship-heading">
      <Stack gap="sm">
        <Title order={2} size="h4" id="auto-ship-heading">
          <IconRocket size={18} aria-hidden style={{ verticalAlign: 'text-bottom', marginRight: 6 }} />
          Auto-ship
        </Title>
        {body}
        {problem && !shipped && (
          <Alert color="orange" variant="light" title={`Could not ship (${dayText(new Date(problem.at))})`}>
            {problem.message}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
