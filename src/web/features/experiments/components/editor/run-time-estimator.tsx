import { Alert, NumberInput, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { PLANNED_MDE } from '../../../../../shared/stats';
import { estimateRunTime } from '../../utils/run-time';

export interface RunTimeEstimatorProps {
  allocation: number;
  arms: number;
  /** Users in the audience over the last 30 days, when the reach is known: the daily traffic starts from it. */
  monthlyAudience: number | null;
}

const count = (n: number) => Math.round(n).toLocaleString('en');

/** How long the test must run to detect the chosen effect on a conversion metric (two-sided 5%, power 80%). */
export function RunTimeEstimator({ allocation, arms, monthlyAudience }: RunTimeEstimatorProps) {
  const [baseline, setBaseline] = useState<number | string>(5);
  const [mde, setMde] = useState<number | string>(PLANNED_MDE * 100);
  // Until the person types a figure, the daily traffic follows the reach (which loads after the first render).
  const [typedDaily, setDaily] = useState<number | string | null>(null);
  const daily = typedDaily ?? (monthlyAudience ? Math.max(1, Math.round(monthlyAudience / 30)) : '');
  const estimate = estimateRunTime({ baselinePercent: Number(baseline), mdePercent: Number(mde), dailyUsers: Number(daily), allocation, arms });

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="run-time-heading">
      <Stack gap="sm">
        <Title order={3} size="h5" id="run-time-heading">
          How long will it run?
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NumberInput label="Baseline conversion rate" description="Of the primary metric today" suffix="%" min={0} max={100} decimalScale={3} value={baseline} onChange={setBaseline} />
          <NumberInput label="Minimum detectable effect" description="Smallest relative lift worth finding" suffix="%" min={0} decimalScale={2} value={mde} onChange={setMde} />
          <NumberInput
            label="Audience users per day"
            description={monthlyAudience ? `Reach suggests ≈ ${count(monthlyAudience / 30)}` : 'No reach known yet: your best guess'}
            min={0}
            thousandSeparator=","
            value={daily}
            onChange={setDaily}
          />
        </SimpleGrid>
        {estimate.ok ? (
          <Alert color="blue" variant="light" aria-live="polite">
            <Text fw={600}>
              About {count(estimate.days)} {estimate.days === 1 ? 'day' : 'days'}
            </Text>
            <Text size="sm">
              {count(estimate.perArm)} users per variant ({count(estimate.total)} across {arms} variants), with {count(estimate.enteringPerDay)} entering per day at{' '}
              {allocation}% allocation. Planned for a two-sided test at 5% significance with 80% power.
            </Text>
          </Alert>
        ) : (
          <Text size="sm" c="dimmed" aria-live="polite">
            {estimate.message}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
