import { Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { lazy, Suspense } from 'react';
import type { Rollout } from '../../../../shared/contract/rollouts';
import { TableHead } from '../../../components/table-parts';
import { formatLocal } from '../utils/format-time';
import { formatCount } from '../utils/describe-rollout';
import { formatInterval, formatLift, formatMean, guardrailVerdict } from '../utils/format-guardrail';

// Recharts is a chunk of its own (as on the results page): the rollout page's first render does not wait for it.
const GuardrailChart = lazy(async () => ({ default: (await import('./guardrail-chart')).GuardrailChart }));

const columns = ['Guardrail', 'Old value: mean', 'New value: mean', 'Users (old / new)', 'Lift', 'Interval', 'Verdict'];

/** The last check's comparison of every guardrail, new value against old: a chart of the lifts and a table that says the same. */
export function GuardrailComparison({ rollout, metricNames }: { rollout: Rollout; metricNames: ReadonlyMap<string, string> }) {
  const check = rollout.lastCheck;
  const confidence = Math.round((1 - rollout.rules.harmAlpha) * 100);
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="rollout-guardrails">
      <Stack gap="sm">
        <div>
          <Title order={2} size="h4" id="rollout-guardrails">
            Guardrails: new value against old
          </Title>
          <Text size="sm" c="dimmed">
            {check
              ? `At the last check (${formatLocal(check.at)}). Each interval stays valid however often the monitor looks, and is wide enough that all of them together keep ${confidence}% confidence over the whole rollout. A guardrail is harmful when its whole interval lies on the bad side of zero.`
              : `No check yet. Guardrails: ${rollout.guardrails.map((id) => metricNames.get(id) ?? id).join(', ')}.`}
          </Text>
        </div>
        {check && check.guardrails.length > 0 && (
          <>
            <Suspense fallback={<div style={{ minHeight: 48 + check.guardrails.length * 40 }} />}>
              <GuardrailChart guardrails={check.guardrails} />
            </Suspense>
            <Table.ScrollContainer minWidth={760}>
              <Table verticalSpacing="xs" withTableBorder>
                <Table.Caption>Each guardrail at the last check</Table.Caption>
                <TableHead columns={columns} />
                <Table.Tbody>
                  {check.guardrails.map((guardrail) => (
                    <Table.Tr key={guardrail.metricId}>
                      <Table.Th scope="row" fw={500}>
                        {guardrail.metricName}
                        <Text size="xs" c="dimmed">
                          {guardrail.higherIsBetter ? 'Higher is better' : 'Lower is better'}
                        </Text>
                      </Table.Th>
                      <Table.Td>{formatMean(guardrail.oldMean)}</Table.Td>
                      <Table.Td>{formatMean(guardrail.newMean)}</Table.Td>
                      <Table.Td>
                        {formatCount(guardrail.oldUsers)} / {formatCount(guardrail.newUsers)}
                      </Table.Td>
                      <Table.Td>{formatLift(guardrail.lift)}</Table.Td>
                      <Table.Td>{formatInterval(guardrail.interval)}</Table.Td>
                      <Table.Td c={guardrail.harmful ? 'red.9' : undefined} fw={guardrail.harmful ? 700 : undefined}>
                        <Group gap={4} wrap="nowrap">
                          {guardrail.harmful && <IconAlertTriangle size={16} aria-hidden />}
                          {guardrailVerdict(guardrail)}
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {check.srmPValue !== null && (
              <Text size="sm" c="dimmed">
                Split check (sample ratio): p = {check.srmPValue < 0.0001 ? '< 0.0001' : check.srmPValue.toPrecision(2)}
                {check.srmPValue < 0.001 ? ': the split is off, so the comparison cannot be trusted.' : ': users are split as the step says.'}
              </Text>
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}
