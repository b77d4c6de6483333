import { Group, List, Text, ThemeIcon } from '@mantine/core';
import { IconCheck, IconX } from '@tabler/icons-react';
import type { z } from 'zod';
import type { traceStepSchema } from '../../../../shared/contract/preview';

type TraceStep = z.infer<typeof traceStepSchema>;

/** Why a value was chosen: each step in order, matched ✓ or not ✗, with its detail. */
export function TraceSteps({ steps, label }: { steps: readonly TraceStep[]; label: string }) {
  return (
    <List spacing={4} size="sm" listStyleType="none" aria-label={label} styles={{ itemWrapper: { alignItems: 'flex-start' } }}>
      {steps.map((step, index) => (
        <List.Item
          key={index}
          icon={
            <ThemeIcon size={18} radius="xl" color={step.matched ? 'teal.8' : 'gray.6'} variant={step.matched ? 'filled' : 'light'} aria-hidden>
              {step.matched ? <IconCheck size={12} /> : <IconX size={12} />}
            </ThemeIcon>
          }
        >
          <Group gap={6} wrap="wrap">
            <Text size="sm" fw={500}>
              {step.label}
            </Text>
            <Text size="sm" c={step.matched ? 'teal.9' : 'dimmed'}>
              {step.matched ? 'matched' : 'not matched'}
            </Text>
          </Group>
          {step.detail && (
            <Text size="xs" c="dimmed">
              {step.detail}
            </Text>
          )}
        </List.Item>
      ))}
    </List>
  );
}
