import { NumberInput, type NumberInputProps } from '@mantine/core';
import { useState } from 'react';

export interface PercentInputProps extends Omit<NumberInputProps, 'value' | 'onChange' | 'suffix'> {
  value: number;
  onChange: (value: number) => void;
}

/**
 * A percentage box that may be empty while the person types; the form keeps the last number and
 * the box shows it again on blur.
 */
export function PercentInput({ value, onChange, onBlur, ...props }: PercentInputProps) {
  const [draft, setDraft] = useState<number | string>(Number.isFinite(value) ? value : '');
  const [seen, setSeen] = useState(value);
  if (!Object.is(seen, value)) {
    setSeen(value);
    setDraft(Number.isFinite(value) ? value : '');
  }
  return (
    <NumberInput
      {...props}
      value={draft}
      suffix="%"
      decimalScale={2}
      min={0}
      max={100}
      clampBehavior="blur"
      onChange={(next) => {
        setDraft(next);
        const number = typeof next === 'number' ? next : Number.parseFloat(next);
        if (!Number.isFinite(number)) return;
        setSeen(number);
        onChange(number);
      }}
      onBlur={(event) => {
        setDraft(Number.isFinite(value) ? value : '');
        onBlur?.(event);
      }}
    />
  );
}
