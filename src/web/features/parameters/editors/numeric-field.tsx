import { NumberInput, type NumberInputProps } from '@mantine/core';

export interface NumericFieldProps extends Omit<NumberInputProps, 'value' | 'onChange' | 'defaultValue'> {
  value: unknown;
  /** The number typed, or the raw text while it is not one yet (so validation reports it); undefined when `optional` and cleared. */
  onChange: (value: unknown) => void;
  /** Clearing the input removes the field instead of leaving an empty (invalid) value. */
  optional?: boolean;
}

/**
 * NumberInput that never rewrites what was typed: no clamping to min/max and no rounding, so the
 * value's own validation explains what is wrong (out of range, not a whole number) next to it.
 */
export function NumericField({ value, onChange, optional, ...props }: NumericFieldProps) {
  const shown = typeof value === 'number' || typeof value === 'string' ? value : '';
  return (
    <NumberInput
      clampBehavior="none"
      {...props}
      value={shown}
      onChange={(next) => onChange(next === '' && optional ? undefined : next)}
    />
  );
}

/** "Between 1 and 10", "At least 0", ... for a description. */
export function rangeHint(min?: number, max?: number): string | undefined {
  if (min !== undefined && max !== undefined) return `Between ${min} and ${max}`;
  if (min !== undefined) return `At least ${min}`;
  if (max !== undefined) return `At most ${max}`;
  return undefined;
}
