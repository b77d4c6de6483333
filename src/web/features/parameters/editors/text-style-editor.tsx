import { Group, Select } from '@mantine/core';
import { fontWeights } from '../../../../shared/values';
import { normalizeHex } from '../../../components/value-preview/color-contrast';
import { ColorField } from './color-field';
import { ContrastReport } from '../../../components/value-preview/contrast-report';
import type { EditorProps, SpecOf } from './editor-props';
import { EditorFieldset } from './editor-fieldset';
import { fieldDescription } from './field-description';
import { errorAt, messagesAt } from './field-messages';
import { NumericField } from './numeric-field';
import { asRecord, withField } from './object-value';

const weightNames: Record<number, string> = {
  100: 'Thin',
  200: 'Extra light',
  300: 'Light',
  400: 'Regular',
  500: 'Medium',
  600: 'Semi-bold',
  700: 'Bold',
  800: 'Extra bold',
  900: 'Black',
};

const weightOptions = fontWeights.map((weight) => ({ value: String(weight), label: `${weight} (${weightNames[weight]})` }));

/** Font size, weight, text colour and optional background colour, with the pair's contrast. */
export function TextStyleEditor({ value, onChange, errors, warnings, label, description, disabled }: EditorProps<SpecOf<'textStyle'>>) {
  const style = asRecord(value);
  const set = (key: string, next: unknown) => onChange(withField(value, key, next));
  const color = typeof style.color === 'string' ? normalizeHex(style.color) : null;
  const background = typeof style.backgroundColor === 'string' ? normalizeHex(style.backgroundColor) : null;
  const weight = typeof style.fontWeight === 'number' ? String(style.fontWeight) : null;
  return (
    <EditorFieldset legend={label} description={fieldDescription([description], messagesAt(warnings))} error={errorAt(errors)} disabled={disabled}>
      <Group grow align="flex-start">
        <NumericField
          label="Font size (px)"
          value={style.fontSize}
          onChange={(next) => set('fontSize', next)}
          min={4}
          max={400}
          error={errorAt(errors, 'fontSize')}
        />
        <Select
          label="Font weight"
          data={weightOptions}
          value={weight && weightOptions.some((option) => option.value === weight) ? weight : null}
          onChange={(next) => set('fontWeight', next === null ? undefined : Number(next))}
          allowDeselect={false}
          error={errorAt(errors, 'fontWeight')}
        />
      </Group>
      <Group grow align="flex-start">
        <ColorField label="Text colour" value={style.color} onChange={(next) => set('color', next)} error={errorAt(errors, 'color')} />
        <ColorField
          label="Background colour (optional)"
          optional
          value={style.backgroundColor}
          onChange={(next) => set('backgroundColor', next)}
          error={errorAt(errors, 'backgroundColor')}
        />
      </Group>
      {color ? (
        <ContrastReport foreground={color} background={background ?? '#FFFFFF'} backgroundName={background ?? 'white (no background set)'} />
      ) : null}
    </EditorFieldset>
  );
}
