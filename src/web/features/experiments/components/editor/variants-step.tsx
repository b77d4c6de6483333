import { Alert, Badge, Button, CloseButton, Group, Stack, Text, Title } from '@mantine/core';
import { IconArrowsSplit, IconLock, IconPlus } from '@tabler/icons-react';
import { useQueries } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import { MAX_VARIANTS } from '../../../../../shared/contract/experiments';
import { parameterByKeyQueryOptions } from '../../api/catalog-options';
import type { ExperimentFormInput } from '../../utils/experiment-form';
import { equalSplit, totalWeight, weightsTotal100 } from '../../utils/weights';
import { CreateParameterModal } from './create-parameter-modal';
import { useEditorContext } from './editor-context';
import { ParameterPicker } from './parameter-picker';
import { VariantCard } from './variant-card';
import { readableAlertTitle } from '../alert-styles';

export interface VariantsStepProps {
  /** Parameters the experiment touches (overridden by some variant, or just picked). */
  parameterKeys: string[];
  onParameterKeysChange: (keys: string[]) => void;
}

/** The first key of b, c, d… (then v11, v12…) no variant uses yet. */
function nextVariantKey(taken: readonly string[]): string {
  for (const letter of 'bcdefghijklmnopqrstuvwxyz') if (!taken.includes(letter)) return letter;
  let n = taken.length + 1;
  while (taken.includes(`v${n}`)) n++;
  return `v${n}`;
}

/** Control plus 1 to 9 variants, their weights (totalling 100%), and each one's parameter values. */
export function VariantsStep({ parameterKeys, onParameterKeysChange }: VariantsStepProps) {
  const { variantsLocked, readOnly, environment } = useEditorContext();
  const { control, setValue, getValues, formState } = useFormContext<ExperimentFormInput>();
  const { fields, append, remove } = useFieldArray({ control, name: 'variants' });
  const variants = useWatch({ control, name: 'variants' }) ?? [];
  const [creating, setCreating] = useState(false);
  const totalId = useId();
  const parameterQueries = useQueries({ queries: parameterKeys.map((key) => parameterByKeyQueryOptions(environment, key)) });
  const parameters = new Map(parameterKeys.map((key, i) => [key, parameterQueries[i]]));

  const weights = variants.map((variant) => variant.weight);
  const total = totalWeight(weights);
  const weightsOk = weightsTotal100(weights);
  const variantsError = formState.errors.variants as { message?: string; root?: { message?: string } } | undefined;
  const otherProblem = variantsError?.message ?? variantsError?.root?.message;
  const shownProblem = !weightsOk ? `Weights must total 100% (now ${total}%)` : otherProblem?.startsWith('Weights must total') ? undefined : otherProblem;

  const setWeights = (next: number[]) => next.forEach((weight, i) => setValue(`variants.${i}.weight`, weight, { shouldDirty: true, shouldValidate: formState.isSubmitted }));
  const wasEqual = (count: number) => JSON.stringify(weights) === JSON.stringify(equalSplit(count));

  const addVariant = () => {
    const keys = variants.map((variant) => variant.key);
    const key = nextVariantKey(keys);
    const overrides: Record<string, unknown> = {};
    for (const parameterKey of parameterKeys) {
      const parameter = parameters.get(parameterKey)?.data;
      if (parameter) overrides[parameterKey] = structuredClone(parameter.defaultValue);
    }
    const resplit = wasEqual(variants.length);
    append({ key, name: `Variant ${key.toUpperCase()}`, weight: 0, overrides });
    if (resplit) setWeights(equalSplit(variants.length + 1));
  };
  const removeVariant = (index: number) => {
    const resplit = wasEqual(variants.length);
    remove(index);
    if (resplit) setWeights(equalSplit(variants.length - 1));
  };

  const addParameter = (key: string, defaultValue: unknown) => {
    if (parameterKeys.includes(key)) return;
    onParameterKeysChange([...parameterKeys, key]);
    // Every variant but control starts from the default value, ready to change.
    (getValues('variants') ?? []).forEach((variant, i) => {
      if (i > 0) setValue(`variants.${i}.overrides`, { ...variant.overrides, [key]: structuredClone(defaultValue) }, { shouldDirty: true });
    });
  };
  const removeParameter = (key: string) => {
    onParameterKeysChange(parameterKeys.filter((k) => k !== key));
    (getValues('variants') ?? []).forEach((variant, i) => {
      if (!(key in variant.overrides)) return;
      const { [key]: _removed, ...rest } = variant.overrides;
      setValue(`variants.${i}.overrides`, rest, { shouldDirty: true });
    });
  };

  return (
    <Stack gap="lg">
      {variantsLocked && (
        <Alert color="blue" variant="light" icon={<IconLock aria-hidden />} styles={readableAlertTitle} title="Variants are locked while the experiment runs">
          Users are already in these variants, so their keys, their number and the values they serve cannot change: changing them would show people something
          else mid-test and spoil the results. You can rename variants and change weights, but a weight change mixes populations that entered at different
          splits.
        </Alert>
      )}

      <Stack gap="xs" component="section" aria-labelledby="experiment-parameters-heading">
        <Title order={3} size="h5" id="experiment-parameters-heading">
          Parameters the variants change
        </Title>
        {parameterKeys.length === 0 ? (
          <Text size="sm" c="dimmed">
            None yet. Add the parameters this experiment tests; users outside it keep getting their usual values.
          </Text>
        ) : (
          <Group gap="xs">
            {parameterKeys.map((key) => (
              <Badge
                key={key}
                variant="light"
                size="lg"
                tt="none"
                rightSection={!variantsLocked && !readOnly ? <CloseButton size="xs" aria-label={`Stop changing ${key}`} onClick={() => removeParameter(key)} /> : undefined}
              >
                {parameters.get(key)?.data?.name ?? key}
              </Badge>
            ))}
          </Group>
        )}
        {!variantsLocked && !readOnly && <ParameterPicker picked={parameterKeys} onPick={(parameter) => addParameter(parameter.key, parameter.defaultValue)} onCreate={() => setCreating(true)} />}
      </Stack>

      <Stack gap="sm" component="section" aria-labelledby="experiment-variants-heading">
        <Group justify="space-between" align="flex-end">
          <Title order={3} size="h5" id="experiment-variants-heading">
            Control and variants
          </Title>
          <Group gap="xs">
            <Button variant="default" size="xs" leftSection={<IconArrowsSplit size={14} aria-hidden />} onClick={() => setWeights(equalSplit(variants.length))} disabled={readOnly}>
              Equal split
            </Button>
            {!variantsLocked && !readOnly && (
              <Button variant="light" size="xs" leftSection={<IconPlus size={14} aria-hidden />} onClick={addVariant} disabled={variants.length >= MAX_VARIANTS}>
                Add variant
              </Button>
            )}
          </Group>
        </Group>
        <Group gap="sm" aria-live="polite" id={totalId}>
          <Text size="sm" fw={600} c={weightsOk ? undefined : 'var(--mantine-color-error)'}>
            Total: {total}%
          </Text>
          {shownProblem && (
            <Text size="sm" c="var(--mantine-color-error)" data-testid="weights-error">
              {shownProblem}
            </Text>
          )}
        </Group>
        <Stack gap="sm" component="ol" aria-label="Variants" style={{ margin: 0, padding: 0 }}>
          {fields.map((field, index) => (
            <VariantCard
              key={field.id}
              index={index}
              parameterKeys={parameterKeys}
              parameters={parameters}
              canRemove={index > 0 && variants.length > 2}
              onRemove={() => removeVariant(index)}
              weightsDescribedBy={totalId}
            />
          ))}
        </Stack>
        {variants.length >= MAX_VARIANTS && !variantsLocked && (
          <Text size="sm" c="dimmed">
            An experiment has at most {MAX_VARIANTS} variants (control plus 9).
          </Text>
        )}
      </Stack>

      <CreateParameterModal
        opened={creating}
        onClose={() => setCreating(false)}
        onCreated={(parameter) => {
          setCreating(false);
          addParameter(parameter.key, parameter.defaultValue);
        }}
      />
    </Stack>
  );
}
