import { List, Paper, Title } from '@mantine/core';
import type { RolloutRules as Rules } from '../../../../shared/contract/rollouts';

/** The monitor's rules in words. */
export function RolloutRules({ rules }: { rules: Rules }) {
  const confidence = Math.round((1 - rules.harmAlpha) * 1000) / 10;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="rollout-rules">
      <Title order={2} size="h4" id="rollout-rules" mb="sm">
        Rules
      </Title>
      <List size="sm" spacing={4}>
        <List.Item>Rolls back when any guardrail is worse with {confidence}% confidence (over every guardrail and step together).</List.Item>
        <List.Item>Sample ratio check: {rules.rollBackOnSrm ? 'on (a mismatched split rolls back)' : 'off'}.</List.Item>
        <List.Item>
          Checks every {rules.checkEveryMinutes} {rules.checkEveryMinutes === 1 ? 'minute' : 'minutes'}; a step advances once its time and users are met and nothing is harmful.
        </List.Item>
      </List>
    </Paper>
  );
}
