import { ActionIcon, Autocomplete, Button, Group, NativeSelect, Paper, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { IconFilterPlus, IconTrash } from '@tabler/icons-react';
import { Controller, useFieldArray, useWatch, type Control, type FieldErrors } from 'react-hook-form';
import { filterOperators } from '../../../../shared/contract/metrics';
import { effectiveType, emptyFilter, valueTypesFor, type FilterOperator, type MetricDraft } from './metric-draft';
import { operatorLabels } from './metric-labels';

const typeLabels = { text: 'Text', number: 'Number', boolean: 'Yes / no' } as const;
const operatorOptions = filterOperators.map((operator) => ({ value: operator, label: operatorLabels[operator] }));

export interface PropertyFiltersEditorProps {
  control: Control<MetricDraft>;
  name: 'filters' | 'denominatorFilters';
  /** Which event the filters narrow, for labels: "purchase". */
  event: string;
  /** The properties apps sent with this event (suggestions; any name may be typed). */
  properties: readonly string[];
  errors: FieldErrors<MetricDraft>['filters'];
}

/** "purchase where category is shoes": rows of property, operator and value, all of which must match. */
export function PropertyFiltersEditor({ control, name, event, properties, errors }: PropertyFiltersEditorProps) {
  const { fields, append, remove } = useFieldArray({ control, name });
  const rows = useWatch({ control, name });
  const eventName = event.trim() || 'the event';
  const what = name === 'filters' ? 'Filter' : 'Denominator filter';

  return (
    <Stack gap="xs">
      {fields.length > 0 && (
        <Text size="sm" c="dimmed">
          Only {eventName} events where all of these hold count:
        </Text>
      )}
      {fields.map((field, index) => {
        const row = rows?.[index] ?? field;
        const types = valueTypesFor[row.operator];
        const type = effectiveType(row);
        const label = `${what} ${index + 1}`;
        const fieldErrors = errors?.[index];
        return (
          <Paper key={field.id} withBorder p="sm" radius="md" role="group" aria-label={label}>
            <Group align="flex-start" gap="sm" wrap="wrap">
              <Controller
                control={control}
                name={`${name}.${index}.property`}
                render={({ field: input }) => (
                  <Autocomplete
                    label="Property"
                    placeholder="category"
                    data={[...properties]}
                    value={input.value}
                    onChange={input.onChange}
                    onBlur={input.onBlur}
                    autoComplete="off"
                    spellCheck={false}
                    error={fieldErrors?.property?.message}
                    description={properties.length > 0 ? `${properties.length} seen on ${eventName}` : `None seen on ${eventName} yet`}
                    style={{ flex: '1 1 160px', minWidth: 0 }}
                  />
                )}
              />
              <Controller
                control={control}
                name={`${name}.${index}.operator`}
                render={({ field: input }) => (
                  <NativeSelect
                    label="Operator"
                    data={operatorOptions}
                    value={input.value}
                    onChange={(change) => input.onChange(change.currentTarget.value as FilterOperator)}
                    error={fieldErrors?.operator?.message}
                    style={{ flex: '0 0 150px' }}
                  />
                )}
              />
              {types.length > 1 && (
                <Controller
                  control={control}
                  name={`${name}.${index}.valueType`}
                  render={({ field: input }) => (
                    <NativeSelect
                      label="Value type"
                      data={types.map((value) => ({ value, label: typeLabels[value] }))}
                      value={type}
                      onChange={input.onChange}
                      style={{ flex: '0 0 120px' }}
                    />
                  )}
                />
              )}
              <Controller
                control={control}
                name={`${name}.${index}.value`}
                render={({ field: input }) =>
                  type === 'boolean' ? (
                    <NativeSelect
                      label="Value"
                      data={[{ value: '', label: 'Choose…' }, { value: 'true', label: 'Yes (true)' }, { value: 'false', label: 'No (false)' }]}
                      value={input.value}
                      onChange={input.onChange}
                      error={fieldErrors?.value?.message}
                      style={{ flex: '1 1 140px' }}
                    />
                  ) : (
                    <TextInput
                      label={row.operator === 'in' ? 'Values' : 'Value'}
                      description={row.operator === 'in' ? 'Separate values with commas' : undefined}
                      placeholder={type === 'number' ? '20' : row.operator === 'in' ? 'shoes, boots' : 'shoes'}
                      inputMode={type === 'number' ? 'decimal' : undefined}
                      autoComplete="off"
                      {...input}
                      error={fieldErrors?.value?.message}
                      style={{ flex: '1 1 140px', minWidth: 0 }}
                    />
                  )
                }
              />
              <Tooltip label={`Remove ${label.toLowerCase()}`}>
                <ActionIcon variant="subtle" color="red" size="lg" mt={24} onClick={() => remove(index)} aria-label={`Remove ${label.toLowerCase()}`}>
                  <IconTrash size={18} aria-hidden />
                </ActionIcon>
              </Tooltip>
            </Group>
          </Paper>
        );
      })}
      <Group>
        <Button variant="light" size="xs" leftSection={<IconFilterPlus size={14} aria-hidden />} onClick={() => append(emptyFilter())}>
          {name === 'filters' ? 'Add filter' : 'Add denominator filter'}
        </Button>
      </Group>
    </Stack>
  );
}
