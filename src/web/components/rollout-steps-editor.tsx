import { ActionIcon, Button, Group, NumberInput, Stack, Text } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { RolloutStep } from '../../shared/contract/rollouts';

// Type-only import above: the editor is shared by the experiments' promote dialog and the rollouts
// feature (features never import each other), and the shell must not load the contract's zod.
const MAX_STEPS = 10;

export interface RolloutStepsEditorProps {
  steps: readonly RolloutStep[];
  onChange: (steps: RolloutStep[]) => void;
  /** The server's field errors with the prefix stripped: '1.percent' is step 2's percent, '' the list as a whole. */
  errors?: ReadonlyMap<string, string>;
  disabled?: boolean;
}

/** Server paths ("steps.1.percent") to this editor's ("1.percent"); others are dropped. */
export function stepErrors(fieldErrors: readonly { path: string; message: string }[], prefix = 'steps'): Map<string, string> {
  const errors = new Map<string, string>();
  for (const { path, message } of fieldErrors) {
    if (path === prefix) errors.set('', message);
    else if (path.startsWith(`${prefix}.`) && !errors.has(path.slice(prefix.length + 1))) errors.set(path.slice(prefix.length + 1), message);
  }
  return errors;
}

/** A compact editor of a rollout's steps: share of users, minimum minutes and minimum users per step. */
export function RolloutStepsEditor({ steps, onChange, errors = new Map(), disabled = false }: RolloutStepsEditorProps) {
  const update = (index: number, patch: Partial<RolloutStep>) => onChange(steps.map((step, i) => (i === index ? { ...step, ...patch } : step)));
  const add = () => {
    const last = steps[steps.length - 1];
    // A new step goes before the final 100%, halfway between its neighbours.
    const before = steps[steps.length - 2]?.percent ?? 0;
    const inserted: RolloutStep = { percent: Math.round((before + (last?.percent ?? 100)) / 2), minMinutes: last && steps.length > 1 ? steps[steps.length - 2].minMinutes : 60, minUsers: steps[steps.length - 2]?.minUsers ?? 1000 };
    onChange(last ? [...steps.slice(0, -1), inserted, last] : [{ percent: 100, minMinutes: 0, minUsers: 0 }]);
  };
  const number = (value: string | number) => (typeof value === 'number' ? value : Number.NaN);
  return (
    <Stack gap="xs" component="fieldset" m={0} p={0} style={{ border: 0 }}>
      <Text component="legend" size="sm" fw={500}>
        Steps
      </Text>
      <Text size="xs" c="dimmed">
        Each step gives the new value to a larger share of the audience; it advances once its minimum time has passed and enough users have been seen, unless a guardrail is harmed.
      </Text>
      {errors.get('') && (
        <Text size="sm" c="red.8" role="alert">
          {errors.get('')}
        </Text>
      )}
      <Stack gap={6} component="ol" m={0} p={0} style={{ listStyle: 'none' }}>
        {steps.map((step, index) => (
          <Group key={index} component="li" gap="xs" align="flex-start" wrap="nowrap" aria-label={`Step ${index + 1}`}>
            <Text size="sm" fw={600} w={56} pt={8} style={{ flexShrink: 0 }}>
              Step {index + 1}
            </Text>
            <NumberInput
              aria-label={`Step ${index + 1}: percent of users`}
              suffix="%"
              min={0}
              max={100}
              decimalScale={1}
              w={100}
              value={step.percent}
              onChange={(value) => update(index, { percent: number(value) })}
              error={errors.get(`${index}.percent`)}
              disabled={disabled}
            />
            <NumberInput
              aria-label={`Step ${index + 1}: minimum minutes`}
              suffix=" min"
              min={0}
              allowDecimal={false}
              w={110}
              value={step.minMinutes}
              onChange={(value) => update(index, { minMinutes: number(value) })}
              error={errors.get(`${index}.minMinutes`)}
              disabled={disabled}
            />
            <NumberInput
              aria-label={`Step ${index + 1}: minimum users`}
              suffix=" users"
              min={0}
              allowDecimal={false}
              thousandSeparator=","
              w={140}
              value={step.minUsers}
              onChange={(value) => update(index, { minUsers: number(value) })}
              error={errors.get(`${index}.minUsers`)}
              disabled={disabled}
            />
            <ActionIcon variant="subtle" color="gray" mt={4} aria-label={`Remove step ${index + 1}`} disabled={disabled || steps.length <= 1} onClick={() => onChange(steps.filter((_, i) => i !== index))}>
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          </Group>
        ))}
      </Stack>
      <Group>
        <Button variant="subtle" size="xs" leftSection={<IconPlus size={14} aria-hidden />} onClick={add} disabled={disabled || steps.length >= MAX_STEPS}>
          Add a step
        </Button>
      </Group>
    </Stack>
  );
}
