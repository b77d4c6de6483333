import { NumberInput } from '@mantine/core';
import type { ReactNode } from 'react';

export interface OptionalNumberFieldProps {
  label: ReactNode;
  description?: ReactNode;
  value: number | undefined;
  /** A number, or undefined when cleared (the constraint is removed). */
  onChange: (value: number | undefined) => void;
  integer?: boolean;
  min?: number;
  error?: ReactNode;
  disabled?: boolean;
}

/** A constraint such as "Max length": a number, or no constraint when left empty. */
export function OptionalNumberField({ label, description, value, onChange, integer, min, error, disabled }: OptionalNumberFieldProps) {
  return (
    <NumberInput
      label={label}
      description={description}
      placeholder="No limit"
      value={value ?? ''}
      // Half-typed text ("1.", "-") is left alone until it is a number.
      onChange={(next) => {
        if (typeof next === 'number') onChange(next);
        else if (next === '') onChange(undefined);
      }}
      allowDecimal={!integer}
      min={min}
      clampBehavior="none"
      error={error}
      disabled={disabled}
    />
  );
}
