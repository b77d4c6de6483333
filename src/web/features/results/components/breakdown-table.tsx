import { Paper, Table, Text, Title } from '@mantine/core';
import type { ExperimentResults } from '../../../../shared/contract/results';
import { formatCount, formatEffect, formatInterval, formatMean, type Difference } from '../lib/format-results';
import { verdictTextColors } from './interval-bar';

/** The decision metric per value of the breakdown attribute (not corrected for the extra looks). */
export function BreakdownTable({ results, metricId, difference }: { results: ExperimentResults; metricId: string; difference: Difference }) {
  const breakdown = results.breakdown;
  const metric = results.metrics.find((m) => m.id === metricId);
  if (!breakdown || !metric) return null;
  const names = new Map(results.variants.map((v) => [v.key, v.name]));
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={3} size="h4" id="breakdown-title">
        {metric.name} by {breakdown.attribute}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        Slices are for exploring: each one has fewer users, and looking at many of them finds chance differences.
      </Text>
      <Text size="xs" c="dimmed" hiddenFrom="sm" mb={4}>
        Scroll the table sideways for users and values.
      </Text>
      <Table.ScrollContainer
        minWidth={640}
        // On a phone the table scrolls sideways: keyboard users must be able to scroll it too.
        scrollAreaProps={{ viewportProps: { tabIndex: 0, role: 'region', 'aria-label': 'Breakdown: every column, scrolls sideways' } }}
      >
        <Table verticalSpacing="xs" aria-labelledby="breakdown-title">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{breakdown.attribute}</Table.Th>
              <Table.Th scope="col">Variant</Table.Th>
              <Table.Th scope="col" ta="right">{difference === 'relative' ? 'Lift' : 'Difference'}</Table.Th>
              <Table.Th scope="col">Interval</Table.Th>
              <Table.Th scope="col" ta="right">Users</Table.Th>
              <Table.Th scope="col" ta="right">Value</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {breakdown.segments.flatMap((segment) => {
              const arms = segment.metrics.find((m) => m.metricId === metricId)?.arms ?? [];
              return arms.map((arm, i) => {
                const effect = arm.comparison?.[difference];
                return (
                  <Table.Tr key={`${segment.label}-${arm.variant}`}>
                    {i === 0 && (
                      <Table.Th scope="rowgroup" rowSpan={arms.length} fw={500}>
                        {segment.label}
                      </Table.Th>
                    )}
                    <Table.Td>{names.get(arm.variant) ?? arm.variant}</Table.Td>
                    <Table.Td ta="right" style={{ color: arm.comparison ? verdictTextColors[arm.comparison.verdict] : undefined }}>
                      {effect ? formatEffect(metric, effect.expected, difference) : 'Control'}
                    </Table.Td>
                    <Table.Td>{effect ? formatInterval(metric, effect, difference) : ''}</Table.Td>
                    <Table.Td ta="right">{formatCount(arm.users)}</Table.Td>
                    <Table.Td ta="right">{formatMean(metric, arm.mean)}</Table.Td>
                  </Table.Tr>
                );
              });
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
