import type { EditorProps, SpecOf } from './editor-props';
import { fieldDescription } from './field-description';
import { errorAt, messagesAt } from './field-messages';
import { NumericField, rangeHint } from './numeric-field';

/** A 32-bit float: warns (without blocking) when apps will read a rounded value. */
export function FloatEditor({ spec, value, onChange, errors, warnings, label, description, disabled }: EditorProps<SpecOf<'float'>>) {
  return (
    <NumericField
      label={label}
      description={fieldDescription([description, rangeHint(spec.min, spec.max)], messagesAt(warnings))}
      value={value}
      onChange={onChange}
      step={0.1}
      min={spec.min}
      max={spec.max}
      error={errorAt(errors)}
      disabled={disabled}
    />
  );
}
