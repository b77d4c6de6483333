import { Group, NumberInput, TagsInput, TextInput } from '@mantine/core';
import type { BuilderRule, JsonValue } from '../../../../../shared/targeting';
import { valueShape } from './builder-tree';

export interface RuleValueInputProps {
  rule: BuilderRule;
  onChange: (value: JsonValue | undefined) => void;
  error?: string;
}

const asNumber = (value: string | number): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);
const asText = (value: JsonValue | undefined): string => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');
const inputWidth = { flex: '1 1 180px', minWidth: 0 };

/** The value box that fits the rule's operator: text, number, a range, a list, a date or nothing. */
export function RuleValueInput({ rule, onChange, error }: RuleValueInputProps) {
  const shape = valueShape(rule.kind, rule.operator);
  const value = rule.value;
  switch (shape) {
    case 'none':
      return null;
    case 'number':
    case 'days':
      return (
        <NumberInput
          label={shape === 'days' ? 'Days' : 'Value'}
          value={typeof value === 'number' ? value : ''}
          onChange={(next) => onChange(asNumber(next))}
          min={shape === 'days' ? 1 : undefined}
          max={shape === 'days' ? 3650 : undefined}
          allowDecimal={shape !== 'days'}
          error={error}
          style={inputWidth}
        />
      );
    case 'range': {
      const [low, high] = Array.isArray(value) ? value : [null, null];
      const set = (index: 0 | 1, next: string | number) => {
        const pair: JsonValue[] = [typeof low === 'number' ? low : null, typeof high === 'number' ? high : null];
        pair[index] = asNumber(next) ?? null;
        onChange(pair);
      };
      return (
        <Group gap="xs" align="flex-start" wrap="nowrap" style={inputWidth}>
          <NumberInput label="From" value={typeof low === 'number' ? low : ''} onChange={(next) => set(0, next)} error={error} style={{ flex: 1 }} />
          <NumberInput label="To" value={typeof high === 'number' ? high : ''} onChange={(next) => set(1, next)} style={{ flex: 1 }} />
        </Group>
      );
    }
    case 'list':
      return (
        <TagsInput
          label="Values"
          description="Press Enter after each value"
          value={Array.isArray(value) ? value.map((item) => String(item)) : []}
          onChange={(next) => onChange(next)}
          error={error}
          clearable
          style={inputWidth}
        />
      );
    case 'date':
      return (
        <TextInput
          type="date"
          label="Date"
          value={asText(value).slice(0, 10)}
          onChange={(event) => onChange(event.currentTarget.value || undefined)}
          error={error}
          style={inputWidth}
        />
      );
    case 'version':
      return (
        <TextInput
          label="Version"
          placeholder="5.2.0"
          value={asText(value)}
          onChange={(event) => onChange(event.currentTarget.value)}
          error={error}
          style={inputWidth}
        />
      );
    case 'text':
      return (
        <TextInput
          label={rule.operator === 'matches' ? 'Pattern' : 'Value'}
          placeholder={rule.operator === 'matches' ? '^premium-.*$' : undefined}
          value={asText(value)}
          onChange={(event) => onChange(event.currentTarget.value)}
          error={error}
          styles={rule.operator === 'matches' ? { input: { fontFamily: 'var(--mantine-font-family-monospace)' } } : undefined}
          style={inputWidth}
        />
      );
  }
}
