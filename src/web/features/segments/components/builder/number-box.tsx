import { NumberInput, type NumberInputProps } from '@mantine/core';
import { useState } from 'react';

export interface NumberBoxProps extends Omit<NumberInputProps, 'value' | 'onChange'> {
  /** undefined (or NaN): the box is empty. */
  value: number | undefined;
  onChange: (value: number | undefined) => void;
}

const numberOf = (text: string | number): number | undefined => {
  const parsed = typeof text === 'number' ? text : text.trim() === '' ? Number.NaN : Number(text);
  return Number.isFinite(parsed) ? parsed : undefined;
};
const same = (a: number | undefined, b: number | undefined) => a === b || (a === undefined && Number.isNaN(b ?? 0)) || (b === undefined && Number.isNaN(a ?? 0));

/**
 * A number box whose value is a number or nothing. What is typed stays on screen while it still
 * means the value ("99." or "-" are on the way to a number), so typing a decimal is not undone.
 */
export function NumberBox({ value, onChange, ...props }: NumberBoxProps) {
  const [typed, setTyped] = useState<string | number>(value ?? '');
  const shown = same(numberOf(typed), value) ? typed : (value ?? '');
  return (
    <NumberInput
      {...props}
      value={typeof shown === 'number' && Number.isNaN(shown) ? '' : shown}
      onChange={(next) => {
        setTyped(next);
        onChange(numberOf(next));
      }}
    />
  );
}
