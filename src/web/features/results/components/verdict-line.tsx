import { Group, Paper, Text, ThemeIcon, VisuallyHidden } from '@mantine/core';
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
    <Paper withBorder p="md" radius="md" role="status" aria-live="polite" style={{ borderLeft: `4px solid var(--mantine-color-${look.color}-6)` }}>
      {line}
    </Paper>
  );
}
