import { Accordion, Group, List, Paper, Stack, Text, ThemeIcon, VisuallyHidden } from '@mantine/core';
import { IconAlertTriangle, IconClockHour4, IconEqual, IconHourglassEmpty, IconTrophy, IconArrowBackUp } from '@tabler/icons-react';
import type { Headline } from '../../../../shared/contract/results';

const looks: Record<Headline['tone'], { color: string; icon: typeof IconTrophy; label: string }> = {
  winner: { color: 'teal', icon: IconTrophy, label: 'Winner' },
  loser: { color: 'red', icon: IconArrowBackUp, label: 'Control ahead' },
  'keep-running': { color: 'blue', icon: IconClockHour4, label: 'Keep running' },
  'no-difference': { color: 'gray', icon: IconEqual, label: 'No difference' },
  'not-enough-data': { color: 'gray', icon: IconHourglassEmpty, label: 'Not enough data' },
  problem: { color: 'orange', icon: IconAlertTriangle, label: 'Needs attention' },
};

/** The first thing on the page: the verdict in one plain sentence. */
export function VerdictLine({ headline, size = 'lg' }: { headline: Headline; size?: 'lg' | 'sm' }) {
  const look = looks[headline.tone];
  const Icon = look.icon;
  const line = (
    <Group gap="sm" wrap="nowrap" align="flex-start">
      <ThemeIcon color={look.color} variant="light" size={size === 'lg' ? 'lg' : 'md'} radius="xl" aria-hidden>
        <Icon size={size === 'lg' ? 20 : 16} />
      </ThemeIcon>
      <VisuallyHidden>{`${look.label}:`}</VisuallyHidden>
      <Text size={size} fw={size === 'lg' ? 600 : 500} data-testid="results-verdict">
        {headline.text}
      </Text>
    </Group>
  );
  if (size === 'sm') return line;
  return (
    <Paper withBorder p="md" radius="md" style={{ borderLeft: `4px solid var(--mantine-color-${look.color}-6)` }}>
      <Stack gap="xs">
        <div role="status" aria-live="polite">
          {line}
        </div>
        {headline.estimate && <EstimateDetails estimate={headline.estimate} />}
      </Stack>
    </Paper>
  );
}

const whole = (n: number) => Math.round(n).toLocaleString('en');

/** The figures behind "how long", the same inputs the experiment editor's estimator takes. */
function EstimateDetails({ estimate }: { estimate: NonNullable<Headline['estimate']> }) {
  const baseline = estimate.baseline.kind === 'proportion' ? `${(estimate.baseline.value * 100).toFixed(2)}% conversion rate` : `mean ${estimate.baseline.value}`;
  return (
    <Accordion variant="default" chevronPosition="left">
      <Accordion.Item value="estimate">
        <Accordion.Control>How long it needs: the statistics</Accordion.Control>
        <Accordion.Panel>
          <List size="sm" spacing={2} aria-label="Run-time estimate">
            <List.Item>
              Baseline ({estimate.metricName}, control so far): {baseline}
            </List.Item>
            <List.Item>Smallest change to detect: {Math.round(estimate.mde * 100)}% (two-sided test at 5% significance, 80% power)</List.Item>
            <List.Item>
              Users entering per day so far: {whole(estimate.enteringPerDay)}, across {estimate.arms} variants
            </List.Item>
            <List.Item>
              Needed: {whole(estimate.perArm)} users per variant, about {whole(estimate.totalDays)} {estimate.totalDays === 1 ? 'day' : 'days'} in all at this traffic
            </List.Item>
            <List.Item>
              So far: {whole(estimate.usersSoFar)} users; {estimate.remainingDays === 0 ? 'enough already' : `about ${whole(estimate.remainingDays)} more ${estimate.remainingDays === 1 ? 'day' : 'days'}`}
            </List.Item>
          </List>
        </Accordion.Panel>
      </Accordion.Item>
    </Accordion>
  );
}
