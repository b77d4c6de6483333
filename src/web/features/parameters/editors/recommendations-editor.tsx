import { TextInput } from '@mantine/core';
import type { EditorProps, SpecOf } from './editor-props';
import { EditorFieldset } from './editor-fieldset';
import { fieldDescription } from './field-description';
import { errorAt, messagesAt, messagesUnder } from './field-messages';
import { asRecord, asString, asStringList, withField } from './object-value';
import { OrderedIdList } from './ordered-id-list';

/** Recommendations: ordered item ids (first is shown first) and an optional strategy label. */
export function RecommendationsEditor({ spec, value, onChange, errors, warnings, label, description, disabled }: EditorProps<SpecOf<'recommendations'>>) {
  const current = asRecord(value);
  const bounds = [
    spec.minItems !== undefined ? `at least ${spec.minItems}` : undefined,
    spec.maxItems !== undefined ? `at most ${spec.maxItems}` : undefined,
  ].filter(Boolean);
  return (
    <EditorFieldset
      legend={label}
      description={fieldDescription([description, bounds.length > 0 ? `Use ${bounds.join(' and ')} items` : undefined], messagesAt(warnings))}
      error={errorAt(errors)}
      disabled={disabled}
    >
      <OrderedIdList
        inputLabel="Item id"
        noun="item"
        placeholder="sku-1234"
        ids={asStringList(current.items)}
        onChange={(items) => onChange(withField(value, 'items', items))}
        errors={messagesUnder(errors, 'items')}
        minItems={spec.minItems}
        maxItems={spec.maxItems}
        disabled={disabled}
      />
      <TextInput
        label="Strategy"
        description="Optional label for how the list was chosen, e.g. popular or personalised"
        value={asString(current.strategy)}
        onChange={(event) => onChange(withField(value, 'strategy', event.currentTarget.value === '' ? undefined : event.currentTarget.value))}
        error={errorAt(errors, 'strategy')}
      />
    </EditorFieldset>
  );
}
