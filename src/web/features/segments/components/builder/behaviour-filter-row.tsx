import { ActionIcon, Autocomplete, Group, NativeSelect, TextInput, Tooltip } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { filterOperators, type PropertyFilter } from '../../../../../shared/contract/metrics';
import type { FieldError } from '../../../../../shared/contract/common';
import { operatorLabels, valueTypesFor, type FilterValueType } from '../../../../lib/property-filters';
import { messageAt } from './builder-errors';

export interface BehaviourFilterRowProps {
  filter: PropertyFilter;
  /** "Filter 1 of behaviour 2". */
  name: string;
  properties: readonly string[];
  onChange: (filter: PropertyFilter) => void;
  onRemove: () => void;
  /** Errors under this filter ('property', 'value', ''). */
  errors: readonly FieldError[];
}

const operatorOptions = filterOperators.map((operator) => ({ value: operator, label: operatorLabels[operator] }));
const typeLabels: Record<FilterValueType, string> = { text: 'Text', number: 'Number', boolean: 'Yes / no' };

const typeOf = (value: PropertyFilter['value']): FilterValueType => {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'number' ? 'number' : typeof first === 'boolean' ? 'boolean' : 'text';
};

// Event properties keep their JSON type and filters match it exactly ("3" is not 3), so the
// value is typed by the chosen value type; a number that does not parse stays text (and is refused).
function typed(text: string, type: FilterValueType): string | number | boolean {
  const trimmed = text.trim();
  if (type === 'boolean') return trimmed === 'true';
  if (type === 'number') return trimmed !== '' && Number.isFinite(Number(trimmed)) ? Number(trimmed) : trimmed;
  return trimmed;
}

function valueOf(text: string, type: FilterValueType, operator: PropertyFilter['operator']): PropertyFilter['value'] {
  if (operator !== 'in') return typed(text, type);
  return text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => typed(part, type)) as PropertyFilter['value'];
}

const textOf = (value: PropertyFilter['value']) => (Array.isArray(value) ? value.map(String).join(', ') : String(value));

/** "where category is shoes": property, operator, value type (when it could be several) and value. */
export function BehaviourFilterRow({ filter, name, properties, onChange, onRemove, errors }: BehaviourFilterRowProps) {
  // What was typed, kept while it still means the stored value ("2." is 2, "shoes, " is [shoes]).
  const [typedText, setTypedText] = useState({ text: textOf(filter.value), type: typeOf(filter.value) });
  const types = valueTypesFor[filter.operator];
  const current = JSON.stringify(valueOf(typedText.text, typedText.type, filter.operator)) === JSON.stringify(filter.value);
  const text = current ? typedText.text : textOf(filter.value);
  const chosen = current ? typedText.type : typeOf(filter.value);
  const type = types.includes(chosen) ? chosen : types[0];
  const change = (next: { text?: string; type?: FilterValueType; operator?: PropertyFilter['operator'] }) => {
    const operator = next.operator ?? filter.operator;
    const wanted = next.type ?? type;
    const nextType = valueTypesFor[operator].includes(wanted) ? wanted : valueTypesFor[operator][0];
    const nextText = next.text ?? text;
    setTypedText({ text: nextText, type: nextType });
    onChange({ property: filter.property, operator, value: valueOf(nextText, nextType, operator) });
  };

  return (
    <Group align="flex-start" gap="xs" wrap="wrap" role="group" aria-label={name}>
      <Autocomplete
        label="Property"
        placeholder="category"
        data={[...properties]}
        value={filter.property}
        onChange={(property) => onChange({ ...filter, property })}
        autoComplete="off"
        spellCheck={false}
        error={messageAt(errors, 'property')}
        style={{ flex: '1 1 140px', minWidth: 0 }}
      />
      <NativeSelect
        label="Operator"
        data={operatorOptions}
        value={filter.operator}
        onChange={(event) => change({ operator: event.currentTarget.value as PropertyFilter['operator'] })}
        error={messageAt(errors, 'operator')}
        style={{ flex: '0 0 140px' }}
      />
      {types.length > 1 && (
        <NativeSelect
          label="Value type"
          data={types.map((value) => ({ value, label: typeLabels[value] }))}
          value={type}
          onChange={(event) => change({ type: event.currentTarget.value as FilterValueType })}
          style={{ flex: '0 0 110px' }}
        />
      )}
      {type === 'boolean' ? (
        <NativeSelect
          label="Value"
          data={[
            { value: 'true', label: 'Yes (true)' },
            { value: 'false', label: 'No (false)' },
          ]}
          value={filter.value === true ? 'true' : 'false'}
          onChange={(event) => change({ text: event.currentTarget.value })}
          error={messageAt(errors, 'value')}
          style={{ flex: '1 1 120px' }}
        />
      ) : (
        <TextInput
          label={filter.operator === 'in' ? 'Values' : 'Value'}
          description={filter.operator === 'in' ? 'Separate values with commas' : undefined}
          placeholder={type === 'number' ? '20' : 'shoes'}
          inputMode={type === 'number' ? 'decimal' : undefined}
          autoComplete="off"
          value={text}
          onChange={(event) => change({ text: event.currentTarget.value })}
          error={messageAt(errors, 'value')}
          style={{ flex: '1 1 140px', minWidth: 0 }}
        />
      )}
      <Tooltip label={`Remove ${name.toLowerCase()}`}>
        <ActionIcon variant="subtle" color="red" size="lg" mt={24} onClick={onRemove} aria-label={`Remove ${name.toLowerCase()}`}>
          <IconTrash size={18} aria-hidden />
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}
