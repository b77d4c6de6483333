import { MultiSelect, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { RolloutStep } from '../../../../../shared/contract/rollouts';
import { RolloutStepsEditor } from '../../../../components/rollout-steps-editor';
import { metricOptionsQueryOptions } from '../../api/catalog-options';

export interface GuardedPromoteFieldsProps {
  steps: readonly RolloutStep[];
  onStepsChange: (steps: RolloutStep[]) => void;
  guardrails: readonly string[];
  onGuardrailsChange: (ids: string[]) => void;
  /** Field errors with 'steps.' stripped ('1.percent'). */
  stepErrors: ReadonlyMap<string, string>;
  guardrailsError?: string;
}

/** The guarded rollout's settings in the promote dialog: its steps and the metrics watched at each. */
export function GuardedPromoteFields({ steps, onStepsChange, guardrails, onGuardrailsChange, stepErrors, guardrailsError }: GuardedPromoteFieldsProps) {
  const metrics = useQuery(metricOptionsQueryOptions());
  return (
    <Stack gap="sm">
      <Text size="sm">
        The winner's values go to a growing share of the audience; the rest keep today's values and are compared with them at every check. If a guardrail gets clearly worse, or the split is off, everyone gets today's values back by itself.
      </Text>
      <RolloutStepsEditor steps={steps} onChange={onStepsChange} errors={stepErrors} />
      <MultiSelect
        label="Guardrail metrics"
        description="Watched at every check: the experiment's guardrails and primary metric unless you change them."
        data={(metrics.data ?? []).map((metric) => ({ value: metric.id, label: metric.name }))}
        value={[...guardrails]}
        onChange={onGuardrailsChange}
        error={guardrailsError}
        searchable
      />
    </Stack>
  );
}
