import { ColorInput } from '@mantine/core';
import type { ReactNode } from 'react';
import { toStoredHex } from '../../../components/value-preview/color-contrast';

export const COLOR_SWATCHES = [
  '#000000',
  '#212529',
  '#868E96',
  '#FFFFFF',
  '#FA5252',
  '#E64980',
  '#BE4BDB',
  '#7950F2',
  '#4C6EF5',
  '#1C7ED6',
  '#15AABF',
  '#12B886',
  '#40C057',
  '#FAB005',
];

export interface ColorFieldProps {
  label: ReactNode;
  value: unknown;
  /** '#RRGGBB' (opaque) / '#RRGGBBAA' in upper case once valid; the raw text while it is not (so validation reports it). */
  onChange: (value: string | undefined) => void;
  allowAlpha?: boolean;
  /** Clearing the input removes the colour instead of leaving an invalid one. */
  optional?: boolean;
  error?: ReactNode;
  description?: ReactNode;
  disabled?: boolean;
}

/** Mantine ColorInput storing hex colours in upper case, with swatches and an alpha slider when allowed. */
export function ColorField({ label, value, onChange, allowAlpha = true, optional, error, description, disabled }: ColorFieldProps) {
  const text = typeof value === 'string' ? value : '';
  return (
    <ColorInput
      label={label}
      description={description}
      value={text}
      onChange={(next) => {
        if (optional && next.trim() === '') onChange(undefined);
        else onChange(toStoredHex(next) ?? next);
      }}
      format={allowAlpha ? 'hexa' : 'hex'}
      swatches={COLOR_SWATCHES}
      swatchesPerRow={7}
      // Keep what was typed on blur: reverting silently would hide the mistake instead of explaining it.
      fixOnBlur={false}
      withEyeDropper={false}
      placeholder={allowAlpha ? '#RRGGBB or #RRGGBBAA' : '#RRGGBB'}
      error={error}
      disabled={disabled}
    />
  );
}
