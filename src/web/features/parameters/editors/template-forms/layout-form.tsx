import { Input, Stack } from '@mantine/core';
import { errorAt, messagesUnder } from '../field-messages';
import { asRecord, asStringList, withField } from '../object-value';
import { OrderedIdList } from '../ordered-id-list';
import type { TemplateFormProps } from './template-form-props';

/** Layout: the ids of the sections a screen shows, top to bottom. */
export function LayoutForm({ value, onChange, errors, disabled }: TemplateFormProps) {
  return (
    <Stack gap="sm">
      {errorAt(errors) ? <Input.Error>{errorAt(errors)}</Input.Error> : null}
      <OrderedIdList
        inputLabel="Section id"
        noun="section"
        placeholder="hero"
        ids={asStringList(asRecord(value).sections)}
        onChange={(sections) => onChange(withField(value, 'sections', sections))}
        errors={messagesUnder(errors, 'sections')}
        minItems={1}
        maxItems={30}
        disabled={disabled}
      />
    </Stack>
  );
}
