import { ActionIcon, Alert, Badge, Group, Loader, Paper, SimpleGrid, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import type { UseQueryResult } from '@tanstack/react-query';
import { Controller, useFormContext, useWatch } from 'react-hook-form';
import type { Parameter } from '../../../../../shared/contract/parameters';
import { defaultValueFor } from '../../../../../shared/values';
import { errorMessage } from '../../../../lib/api-error';
import type { ExperimentFormInput } from '../../utils/experiment-form';
import { overrideMessages, overridesRootMessage } from '../../utils/server-errors';
import { PercentInput } from '../percent-input';
import { useEditorContext } from './editor-context';
import { VariantOverride } from './variant-override';
import { readableAlertTitle } from '../alert-styles';

export interface VariantCardProps {
  index: number;
  /** Parameter keys the experiment touches, with their loaded definitions. */
  parameterKeys: readonly string[];
  parameters: ReadonlyMap<string, UseQueryResult<Parameter>>;
  canRemove: boolean;
  onRemove: () => void;
  /** Ids of the elements that explain the weights' total, for aria-describedby. */
  weightsDescribedBy: string;
}

/** One variant: name, key, weight, and the value it serves for each parameter. */
export function VariantCard({ index, parameterKeys, parameters, canRemove, onRemove, weightsDescribedBy }: VariantCardProps) {
  const { serverErrors, variantsLocked, readOnly } = useEditorContext();
  const { register, control, setValue, formState } = useFormContext<ExperimentFormInput>();
  const name = useWatch({ control, name: `variants.${index}.name` });
  const overrides = (useWatch({ control, name: `variants.${index}.overrides` }) ?? {}) as Record<string, unknown>;
  const errors = formState.errors.variants?.[index];
  const title = index === 0 ? 'Control' : `Variant ${index + 1}`;
  const shownName = name || title;

  const setOverrides = (next: Record<string, unknown>) => setValue(`variants.${index}.overrides`, next, { shouldDirty: true });
  const toggle = (parameter: Parameter, on: boolean) => {
    const next = { ...overrides };
    if (on) next[parameter.key] = structuredClone(parameter.defaultValue ?? defaultValueFor(parameter.spec));
    else delete next[parameter.key];
    setOverrides(next);
  };

  return (
    <Paper withBorder p="md" radius="md" component="li" aria-label={`${title}: ${shownName}`} style={{ listStyle: 'none' }}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Group gap="xs">
            <Text fw={700}>{title}</Text>
            {index === 0 && (
              <Badge variant="light" color="gray" c="var(--mantine-color-text)">
                Baseline
              </Badge>
            )}
          </Group>
          {canRemove && !variantsLocked && !readOnly && (
            <Tooltip label="Remove variant">
              <ActionIcon variant="subtle" color="red" onClick={onRemove} aria-label={`Remove ${shownName}`}>
                <IconTrash size={16} aria-hidden />
              </ActionIcon>
            </Tooltip>
          )}
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label="Name" required autoComplete="off" error={errors?.name?.message} disabled={readOnly} {...register(`variants.${index}.name`)} />
          <TextInput
            label="Key"
            description="Names the variant in results and in what apps receive"
            required
            autoComplete="off"
            spellCheck={false}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            error={errors?.key?.message}
            disabled={readOnly || variantsLocked}
            {...register(`variants.${index}.key`)}
          />
          <Controller
            control={control}
            name={`variants.${index}.weight`}
            render={({ field, fieldState }) => (
              <PercentInput
                label="Weight"
                description="Share of entering users"
                required
                value={field.value ?? 0}
                onChange={field.onChange}
                onBlur={field.onBlur}
                error={fieldState.error?.message}
                aria-describedby={weightsDescribedBy}
                disabled={readOnly}
              />
            )}
          />
        </SimpleGrid>
        {parameterKeys.length > 0 && (
          <Stack gap="xs">
            <Text size="sm" fw={500}>
              Values in this variant
            </Text>
            {parameterKeys.map((key) => {
              const query = parameters.get(key);
              const messages = overrideMessages(serverErrors, index, key, parameterKeys);
              if (!query || query.isPending) return <Loader key={key} size="sm" aria-label={`Loading ${key}`} />;
              if (query.isError) {
                return (
                  <Alert key={key} color="red" variant="light" styles={readableAlertTitle} title={`Parameter ${key} could not be loaded`}>
                    {errorMessage(query.error)} Remove it from the experiment if it was deleted.
                  </Alert>
                );
              }
              return (
                <VariantOverride
                  key={key}
                  variantIndex={index}
                  variantName={shownName}
                  parameter={query.data}
                  overridden={key in overrides}
                  value={overrides[key]}
                  onChange={(value) => setOverrides({ ...overrides, [key]: value })}
                  onToggle={(on) => toggle(query.data, on)}
                  errors={messages}
                />
              );
            })}
          </Stack>
        )}
        {overridesRootMessage(serverErrors, index) && (
          <Text size="sm" c="var(--mantine-color-error)" role="alert">
            {overridesRootMessage(serverErrors, index)}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
