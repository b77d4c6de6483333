import { Alert, Stack, Text } from '@mantine/core';
import { IconAlertOctagon, IconAlertTriangle, IconInfoCircle } from '@tabler/icons-react';
import type { HealthWarning } from '../../../../shared/contract/results';

const looks = {
  error: { color: 'red', icon: IconAlertOctagon },
  warning: { color: 'yellow', icon: IconAlertTriangle },
  info: { color: 'blue', icon: IconInfoCircle },
} as const;

/** What is wrong with these results, and how to fix it: most serious first. */
export function HealthBanners({ health }: { health: HealthWarning[] }) {
  if (health.length === 0) return null;
  const order = { error: 0, warning: 1, info: 2 };
  const sorted = [...health].sort((a, b) => order[a.severity] - order[b.severity]);
  return (
    <Stack gap="xs" component="section" aria-label="Health checks">
      {sorted.map((warning, i) => {
        const look = looks[warning.severity];
        const Icon = look.icon;
        return (
          // The colour marks the severity; titles keep the text colour, which passes AA contrast on every tint.
          <Alert
            key={`${warning.code}-${warning.metricId ?? i}`}
            color={look.color}
            variant="light"
            title={warning.title}
            icon={<Icon aria-hidden />}
            styles={{ title: { color: 'var(--mantine-color-text)' } }}
          >
            <Text size="sm">{warning.explanation}</Text>
            <Text size="sm" mt={4}>
              <Text span fw={600} inherit>
                How to fix it:{' '}
              </Text>
              {warning.fix}
            </Text>
          </Alert>
        );
      })}
    </Stack>
  );
}
