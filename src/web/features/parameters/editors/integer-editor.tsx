import type { EditorProps, SpecOf } from './editor-props';
import { fieldDescription } from './field-description';
import { errorAt, messagesAt } from './field-messages';
import { NumericField, rangeHint } from './numeric-field';

/**
 * A whole number. Decimals can still be typed: the input keeps 1.5 as typed (rather than silently
 * showing 2 or turning it into 15) so validation can say "Must be a whole number" beside it.
 */
export function IntegerEditor({ spec, value, onChange, errors, warnings, label, description, disabled }: EditorProps<SpecOf<'integer'>>) {
  return (
    <NumericField
      label={label}
      description={fieldDescription([description, rangeHint(spec.min, spec.max)], messagesAt(warnings))}
      value={value}
      onChange={onChange}
      step={1}
      min={spec.min}
      max={spec.max}
      error={errorAt(errors)}
      disabled={disabled}
    />
  );
}
