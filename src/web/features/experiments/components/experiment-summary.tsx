import { Badge, DataList, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { metricOptionsQueryOptions } from '../api/catalog-options';
import { describeAudience } from '../utils/audience';
import { autoShipAudienceText } from '../utils/auto-ship';
import { formatLocal, localTimeZone } from '../utils/date-time';
import type { ExperimentFormValues } from '../utils/experiment-form';
import { ParameterValue } from './parameter-value';

export interface ExperimentSummaryProps {
  values: ExperimentFormValues;
  segments: readonly { id: string; name: string }[];
  /** The saved experiment's actual start and end, which win over the planned ones once they happened. */
  timeline?: { startedAt: string | null; endedAt: string | null };
}

function Item({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <DataList.Item>
      <DataList.ItemLabel>{label}</DataList.ItemLabel>
      <DataList.ItemValue>{children}</DataList.ItemValue>
    </DataList.Item>
  );
}

/** Everything about an experiment at a glance: who, what each variant serves, how it is measured, when. */
export function ExperimentSummary({ values, segments, timeline }: ExperimentSummaryProps) {
  const metrics = useQuery(metricOptionsQueryOptions());
  const metricName = (id: string) => metrics.data?.find((metric) => metric.id === id)?.name ?? id;
  const segmentNames = new Map(segments.map((segment) => [segment.id, segment.name]));
  const { metrics: chosen } = values;

  return (
    <Stack gap="md">
      <DataList labelWidth={180}>
        <Item label="Key">
          <Text ff="monospace" size="sm">
            {values.key || '—'}
          </Text>
        </Item>
        <Item label="Hypothesis">{values.hypothesis || '—'}</Item>
        <Item label="Owner">{values.owner || '—'}</Item>
        {values.tags.length > 0 && (
          <Item label="Tags">
            <Group gap={4}>
              {values.tags.map((tag) => (
                <Badge key={tag} variant="light" tt="none">
                  {tag}
                </Badge>
              ))}
            </Group>
          </Item>
        )}
        <Item label="Audience">{describeAudience(values.audience, segmentNames)}</Item>
        <Item label="Traffic allocation">{values.allocation}% of the audience enters</Item>
        <Item label="After leaving the audience">{values.stickyMembership ? 'Users keep their variant' : 'Users leave the experiment'}</Item>
        {values.layer && (
          <Item label="Layer">
            {values.layer.name}, {values.layer.share}% of its users
          </Item>
        )}
        <Item label="Primary metric">{chosen.primary ? metricName(chosen.primary) : 'None chosen'}</Item>
        {chosen.secondary.length > 0 && <Item label="Secondary metrics">{chosen.secondary.map(metricName).join(', ')}</Item>}
        {chosen.guardrails.length > 0 && <Item label="Guardrails">{chosen.guardrails.map(metricName).join(', ')}</Item>}
        <Item label={`Start (${localTimeZone()})`}>
          {timeline?.startedAt ? `Started ${formatLocal(timeline.startedAt)}` : values.startAt ? formatLocal(values.startAt) : 'When started by hand'}
        </Item>
        <Item label={`End (${localTimeZone()})`}>
          {timeline?.endedAt ? `Ended ${formatLocal(timeline.endedAt)}` : values.endAt ? formatLocal(values.endAt) : 'When completed by hand'}
        </Item>
        <Item label="Auto-ship">
          {values.autoShip?.enabled
            ? `The winner, after at least ${values.autoShip.minDays} ${values.autoShip.minDays === 1 ? 'day' : 'days'}, to ${autoShipAudienceText(values.autoShip.audience)}`
            : 'Off'}
        </Item>
        <Item label="Test users">
          {values.testUsers.length === 0
            ? 'None'
            : values.testUsers.map((user) => `${user.targetingKey} sees ${values.variants.find((v) => v.key === user.variant)?.name ?? user.variant}`).join(', ')}
        </Item>
      </DataList>
      <Stack gap="xs" component="section" aria-labelledby="variant-values-heading">
        <Title order={3} size="h5" id="variant-values-heading">
          Variants and what they show
        </Title>
        <SimpleGrid cols={{ base: 1, md: Math.min(values.variants.length, 3) }} spacing="md" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {values.variants.map((variant) => (
            <Paper key={variant.key} withBorder p="sm" component="li" aria-label={`Variant ${variant.name}`}>
              <Stack gap="xs">
                <Group justify="space-between" wrap="nowrap" gap="xs">
                  <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                    {variant.name}
                  </Text>
                  <Badge variant="light" tt="none">
                    {variant.weight}% of users
                  </Badge>
                </Group>
                {Object.keys(variant.overrides).length === 0 ? (
                  <Text size="sm" c="dimmed">
                    Shows the default values
                  </Text>
                ) : (
                  Object.entries(variant.overrides).map(([key, value]) => (
                    <ParameterValue key={key} parameterKey={key} value={value} showName />
                  ))
                )}
              </Stack>
            </Paper>
          ))}
        </SimpleGrid>
      </Stack>
    </Stack>
  );
}
