import { Input, Stack, TextInput } from '@mantine/core';
import { errorAt } from '../field-messages';
import { NumericField } from '../numeric-field';
import { asRecord, asString, withField } from '../object-value';
import type { TemplateFormProps } from './template-form-props';

/** Display ad slot: the creative, its alt text, where a tap goes, and a daily frequency cap. */
export function AdSlotForm({ value, onChange, errors, disabled }: TemplateFormProps) {
  const slot = asRecord(value);
  const set = (key: string, next: unknown) => onChange(withField(value, key, next));
  return (
    <Stack gap="sm">
      {errorAt(errors) ? <Input.Error>{errorAt(errors)}</Input.Error> : null}
      <TextInput
        label="Image URL"
        type="url"
        value={asString(slot.imageUrl)}
        onChange={(event) => set('imageUrl', event.currentTarget.value)}
        error={errorAt(errors, 'imageUrl')}
        disabled={disabled}
      />
      <TextInput
        label="Alt text"
        description="What the ad says, for screen readers"
        value={asString(slot.alt)}
        onChange={(event) => set('alt', event.currentTarget.value)}
        error={errorAt(errors, 'alt')}
        disabled={disabled}
      />
      <TextInput
        label="Link URL"
        description="Where a tap on the ad goes"
        type="url"
        value={asString(slot.linkUrl)}
        onChange={(event) => set('linkUrl', event.currentTarget.value)}
        error={errorAt(errors, 'linkUrl')}
        disabled={disabled}
      />
      <NumericField
        label="Frequency cap (per day)"
        description="How many times one person may see the ad each day"
        value={slot.frequencyCapPerDay}
        onChange={(next) => set('frequencyCapPerDay', next)}
        min={1}
        max={100}
        step={1}
        error={errorAt(errors, 'frequencyCapPerDay')}
        disabled={disabled}
      />
    </Stack>
  );
}
