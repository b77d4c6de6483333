import { Group, TextInput } from '@mantine/core';
import type { EditorProps, SpecOf } from './editor-props';
import { EditorFieldset } from './editor-fieldset';
import { fieldDescription } from './field-description';
import { errorAt, messagesAt } from './field-messages';
import { NumericField } from './numeric-field';
import { asRecord, asString, withField } from './object-value';

/** An image: where it is, its alt text, and optional intrinsic size. */
export function ImageEditor({ value, onChange, errors, warnings, label, description, disabled }: EditorProps<SpecOf<'image'>>) {
  const image = asRecord(value);
  const set = (key: string, next: unknown) => onChange(withField(value, key, next));
  return (
    <EditorFieldset legend={label} description={fieldDescription([description], messagesAt(warnings))} error={errorAt(errors)} disabled={disabled}>
      <TextInput
        label="Image URL"
        type="url"
        placeholder="https://cdn.example.com/banner.png"
        value={asString(image.url)}
        onChange={(event) => set('url', event.currentTarget.value)}
        error={errorAt(errors, 'url')}
      />
      <TextInput
        label="Alt text"
        description="What the image shows, read aloud by screen readers. Leave empty only for decorative images."
        value={asString(image.alt)}
        onChange={(event) => set('alt', event.currentTarget.value)}
        error={errorAt(errors, 'alt')}
      />
      <Group grow align="flex-start">
        <NumericField label="Width (px)" optional value={image.width} onChange={(next) => set('width', next)} min={1} max={20000} error={errorAt(errors, 'width')} />
        <NumericField label="Height (px)" optional value={image.height} onChange={(next) => set('height', next)} min={1} max={20000} error={errorAt(errors, 'height')} />
      </Group>
    </EditorFieldset>
  );
}
