import { Anchor, Badge, Group, List, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { usageQueryOptions, type UsageKind } from './usage-query';
import { useCurrentEnvironment } from '../../lib/use-current-environment';

const what: Record<UsageKind, string> = { parameters: 'parameter', segments: 'segment', metrics: 'metric' };

/** "Where it is used": experiments (live ones marked), targeting rules and segments that include it. */
export function UsagePanel({ kind, id }: { kind: UsageKind; id: string }) {
  const environment = useCurrentEnvironment().key;
  const usage = useQuery(usageQueryOptions(kind, id, kind === 'parameters' ? environment : undefined));
  const headingId = `usage-heading-${kind}`;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={headingId} mb="md">
      <Stack gap="xs">
        <Title order={2} size="h5" id={headingId}>
          Where it is used
        </Title>
        {usage.isPending && <Skeleton height={40} radius="sm" aria-label="Loading where it is used" />}
        {usage.isError && <Text size="sm">Could not load where this {what[kind]} is used.</Text>}
        {usage.data && usage.data.experiments.length + usage.data.rules.length + usage.data.segments.length === 0 && (
          <Text size="sm">Not used by any experiment{kind === 'segments' ? ', targeting rule or other segment' : ''} yet: changing it affects no test.</Text>
        )}
        {usage.data && (
          <List size="sm" spacing={4}>
            {usage.data.experiments.map((experiment) => (
              <List.Item key={experiment.id}>
                <Group gap={6} wrap="wrap">
                  <Text size="sm">Experiment</Text>
                  <Anchor component={Link} to={`/experiments/${experiment.id}`} size="sm">
                    {experiment.name}
                  </Anchor>
                  <Badge size="sm" variant={experiment.live ? 'filled' : 'outline'} color={experiment.live ? 'blue.8' : 'gray.7'} tt="none">
                    {experiment.status}
                  </Badge>
                  <Text size="sm">{experiment.how}</Text>
                </Group>
              </List.Item>
            ))}
            {usage.data.rules.map((rule) => (
              <List.Item key={`${rule.parameterId}:${rule.ruleId}`}>
                Targeting rule{rule.description ? ` "${rule.description}"` : ''} of{' '}
                <Anchor component={Link} to={`/parameters/${encodeURIComponent(rule.parameterKey)}`} size="sm" ff="monospace">
                  {rule.parameterKey}
                </Anchor>
              </List.Item>
            ))}
            {usage.data.segments.map((segment) => (
              <List.Item key={segment.id}>
                Included or excluded by segment{' '}
                <Anchor component={Link} to={`/segments/${segment.id}`} size="sm">
                  {segment.name}
                </Anchor>
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
    </Paper>
  );
}
