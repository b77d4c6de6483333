import { Group, Switch, TextInput } from '@mantine/core';
import type { EditorProps, SpecOf } from './editor-props';
import { EditorFieldset } from './editor-fieldset';
import { fieldDescription } from './field-description';
import { errorAt, messagesAt } from './field-messages';
import { asRecord, asString, withField } from './object-value';

/** A video: its URL, an optional poster image, and whether apps autoplay and loop it. */
export function VideoEditor({ value, onChange, errors, warnings, label, description, disabled }: EditorProps<SpecOf<'video'>>) {
  const video = asRecord(value);
  const set = (key: string, next: unknown) => onChange(withField(value, key, next));
  return (
    <EditorFieldset legend={label} description={fieldDescription([description], messagesAt(warnings))} error={errorAt(errors)} disabled={disabled}>
      <TextInput
        label="Video URL"
        type="url"
        placeholder="https://cdn.example.com/intro.mp4"
        value={asString(video.url)}
        onChange={(event) => set('url', event.currentTarget.value)}
        error={errorAt(errors, 'url')}
      />
      <TextInput
        label="Poster image URL (optional)"
        description="Shown before the video plays"
        type="url"
        value={asString(video.poster)}
        onChange={(event) => set('poster', event.currentTarget.value === '' ? undefined : event.currentTarget.value)}
        error={errorAt(errors, 'poster')}
      />
      <Group>
        <Switch
          label="Autoplay"
          description="Apps play it muted"
          checked={video.autoplay === true}
          onChange={(event) => set('autoplay', event.currentTarget.checked)}
          error={errorAt(errors, 'autoplay')}
        />
        <Switch
          label="Loop"
          checked={video.loop === true}
          onChange={(event) => set('loop', event.currentTarget.checked)}
          error={errorAt(errors, 'loop')}
        />
      </Group>
    </EditorFieldset>
  );
}
