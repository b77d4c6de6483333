import type { EditorProps, SpecOf } from './editor-props';
import { fieldDescription } from './field-description';
import { errorAt, messagesAt } from './field-messages';
import { NumericField, rangeHint } from './numeric-field';

/** A decimal number; the arrows move by the spec's step. */
export function NumberEditor({ spec, value, onChange, errors, warnings, label, description, disabled }: EditorProps<SpecOf<'number'>>) {
  const step = spec.step !== undefined ? `In steps of ${spec.step}${spec.min ? ` from ${spec.min}` : ''}` : undefined;
  return (
    <NumericField
      label={label}
      description={fieldDescription([description, rangeHint(spec.min, spec.max), step], messagesAt(warnings))}
      value={value}
      onChange={onChange}
      step={spec.step ?? 1}
      min={spec.min}
      max={spec.max}
      error={errorAt(errors)}
      disabled={disabled}
    />
  );
}
