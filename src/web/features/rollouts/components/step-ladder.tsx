import { Badge, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { Rollout } from '../../../../shared/contract/rollouts';
import { describeStepProgress, formatCount, formatStepPercent } from '../utils/describe-rollout';

type StepState = 'done' | 'current' | 'stopped' | 'pending';

function stepState(rollout: Rollout, index: number): StepState {
  if (rollout.status === 'completed' || index < rollout.stepIndex) return 'done';
  if (index === rollout.stepIndex) return rollout.status === 'rolled_back' ? 'stopped' : 'current';
  return 'pending';
}

const stateLabels: Record<StepState, string> = { done: 'Done', current: 'Current', stopped: 'Rolled back here', pending: 'Pending' };
// Light badges keep the page's text colour on Mantine's base shade (a dark shade's light tint measured too dark for it).
const stateColors: Record<StepState, string> = { done: 'teal', current: 'teal.9', stopped: 'red.9', pending: 'gray' };

/** The minutes shown tick on between polls. */
function useNow(intervalMs = 30_000) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

function stepRequirements(minMinutes: number, minUsers: number): string {
  const parts = [minMinutes > 0 ? `at least ${formatCount(minMinutes)} min` : 'no minimum time', minUsers > 0 ? `at least ${formatCount(minUsers)} users` : 'no minimum users'];
  return parts.join(' · ');
}

/** Every step of the rollout, in order: its share, what it waits for, and whether it is done, current or pending. */
export function StepLadder({ rollout }: { rollout: Rollout }) {
  const now = useNow();
  const current = rollout.steps[rollout.stepIndex];
  const check = rollout.lastCheck?.stepIndex === rollout.stepIndex ? rollout.lastCheck : null;
  const usersShare = current && current.minUsers > 0 && check ? Math.min(1, (check.stepUsers.old + check.stepUsers.new) / current.minUsers) : 1;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="rollout-steps">
      <Title order={2} size="h4" id="rollout-steps" mb="sm">
        Steps
      </Title>
      <Stack gap="xs" component="ol" m={0} p={0} style={{ listStyle: 'none' }} aria-label="Rollout steps">
        {rollout.steps.map((step, index) => {
          const state = stepState(rollout, index);
          return (
            <Paper
              key={index}
              component="li"
              withBorder={state === 'current'}
              p="xs"
              radius="sm"
              bg={state === 'current' ? 'var(--mantine-color-teal-light)' : undefined}
              aria-current={state === 'current' ? 'step' : undefined}
              aria-label={`Step ${index + 1}: ${formatStepPercent(step.percent)}, ${stateLabels[state].toLowerCase()}`}
            >
              <Group justify="space-between" wrap="wrap" gap="xs">
                <Group gap="sm">
                  <Text fw={700} w={56}>
                    {formatStepPercent(step.percent)}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {stepRequirements(step.minMinutes, step.minUsers)}
                  </Text>
                </Group>
                <Badge variant={state === 'current' || state === 'stopped' ? 'filled' : 'light'} color={stateColors[state]} c={state === 'pending' || state === 'done' ? 'var(--mantine-color-text)' : undefined}>
                  {stateLabels[state]}
                </Badge>
              </Group>
              {state === 'current' && (
                <Stack gap={4} mt="xs">
                  <Text size="sm">{describeStepProgress(rollout, now)}</Text>
                  <Progress value={usersShare * 100} size="sm" color="teal.9" aria-hidden />
                </Stack>
              )}
            </Paper>
          );
        })}
      </Stack>
    </Paper>
  );
}
