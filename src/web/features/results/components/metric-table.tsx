import { Badge, Group, Paper, Table, Text, Title } from '@mantine/core';
import type { ExperimentResults, MetricResult, MetricVerdict } from '../../../../shared/contract/results';
import { formatChance, formatCount, formatEffect, formatInterval, formatMean, formatNumber, formatPValue, type Difference } from '../lib/format-results';
import { IntervalBar, sharedDomain, verdictTextColors } from './interval-bar';

const verdictLabels: Record<MetricVerdict, string> = {
  winning: 'Better',
  losing: 'Worse',
  'no-difference': 'No difference',
  'not-enough-data': 'Not enough data',
};
// Shade 9: white text on it keeps AA contrast.
const verdictBadgeColors: Record<MetricVerdict, string> = { winning: 'teal.9', losing: 'red.9', 'no-difference': 'gray', 'not-enough-data': 'gray' };
const roleLabels = { primary: 'Primary', secondary: 'Secondary', guardrail: 'Guardrail' } as const;

function totalLabel(metric: MetricResult): string {
  switch (metric.kind) {
    case 'conversion':
      return 'Converted';
    case 'count':
      return 'Events';
    case 'sum':
    case 'mean':
      return 'Total value';
    case 'ratio':
      return 'Numerator';
  }
}

function meanLabel(metric: MetricResult): string {
  switch (metric.kind) {
    case 'conversion':
      return 'Conversion rate';
    case 'count':
      return 'Per user';
    case 'sum':
      return 'Per user';
    case 'mean':
      return 'Per event';
    case 'ratio':
      return 'Ratio';
  }
}

export interface MetricTableProps {
  metric: MetricResult;
  results: ExperimentResults;
  difference: Difference;
}

/** One metric: every variant's figures, and each against control with its interval drawn against zero. */
export function MetricTable({ metric, results, difference }: MetricTableProps) {
  const bayesian = results.query.engine === 'bayesian';
  const corrected = !bayesian && results.query.correction !== 'none';
  const names = new Map(results.variants.map((v) => [v.key, v.name]));
  const domain = sharedDomain(metric.arms.flatMap((arm) => (arm.comparison ? [arm.comparison[difference]] : [])));
  const captionId = `metric-${metric.id}`;
  return (
    <Paper withBorder p="md" radius="md">
      <Group justify="space-between" mb="xs" wrap="wrap">
        <Group gap="xs">
          <Title order={3} size="h4" id={captionId}>
            {metric.name}
          </Title>
          <Badge variant="default">
            {roleLabels[metric.role]}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {metric.direction === 'lower' ? 'Lower is better' : 'Higher is better'} · event “{metric.event}”
        </Text>
      </Group>
      <Text size="xs" c="dimmed" hiddenFrom="md" mb={4}>
        Lift and verdict come first; scroll the table sideways for the interval, users and totals.
      </Text>
      <Table.ScrollContainer
        minWidth={860}
        // On a phone the table scrolls sideways: keyboard users must be able to scroll it too.
        scrollAreaProps={{ viewportProps: { tabIndex: 0, role: 'region', 'aria-label': `${metric.name}: every column, scrolls sideways` } }}
      >
        <Table verticalSpacing="xs" aria-labelledby={captionId}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Variant</Table.Th>
              <Table.Th scope="col" ta="right">{difference === 'relative' ? 'Lift' : 'Difference'}</Table.Th>
              <Table.Th scope="col">Verdict</Table.Th>
              <Table.Th scope="col">{bayesian ? 'Credible interval (95%)' : 'Confidence interval (95%)'}</Table.Th>
              <Table.Th scope="col" ta="right">{bayesian ? 'Chance to win' : corrected ? 'p-value (adjusted)' : 'p-value'}</Table.Th>
              <Table.Th scope="col" ta="right">Users</Table.Th>
              <Table.Th scope="col" ta="right">{totalLabel(metric)}</Table.Th>
              <Table.Th scope="col" ta="right">{meanLabel(metric)}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {metric.arms.map((arm) => {
              const c = arm.comparison;
              const effect = c?.[difference];
              return (
                <Table.Tr key={arm.variant}>
                  <Table.Th scope="row" fw={500}>
                    {names.get(arm.variant) ?? arm.variant}
                  </Table.Th>
                  <Table.Td ta="right" style={{ color: c ? verdictTextColors[c.verdict] : undefined }} fw={c ? 600 : undefined}>
                    {effect ? formatEffect(metric, effect.expected, difference) : 'Control'}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {c && (
                      // Never cut short ("NO DIFFEREN…"): the verdict is the point of the row.
                      <Badge color={verdictBadgeColors[c.verdict]} variant={c.verdict === 'winning' || c.verdict === 'losing' ? 'filled' : 'light'} style={{ flexShrink: 0, overflow: 'visible' }} styles={{ label: { overflow: 'visible', textOverflow: 'clip' } }}>
                        {verdictLabels[c.verdict]}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {c && effect ? (
                      <Group gap="xs" wrap="nowrap">
                        <IntervalBar expected={effect.expected} ci={effect.ci} domain={domain} verdict={c.verdict} label={`Interval ${formatInterval(metric, effect, difference)}`} />
                        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                          {formatInterval(metric, effect, difference)}
                        </Text>
                      </Group>
                    ) : (
                      <Text size="xs" c="dimmed">
                        Baseline
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td ta="right">{c ? (bayesian ? formatChance(c.chanceToWin) : formatPValue(corrected ? c.adjustedPValue : c.pValue)) : ''}</Table.Td>
                  <Table.Td ta="right">{formatCount(arm.users)}</Table.Td>
                  <Table.Td ta="right">{metric.kind === 'conversion' || metric.kind === 'count' ? formatCount(arm.total) : formatNumber(arm.total)}</Table.Td>
                  <Table.Td ta="right">{formatMean(metric, arm.mean)}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
