import { SimpleGrid, Stack, TagsInput, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { Controller, useFormContext } from 'react-hook-form';
import { keyFromName, type ExperimentFormInput } from '../../utils/experiment-form';
import { useEditorContext } from './editor-context';

/** Name, key (derived from the name until edited; fixed once saved), hypothesis, owner, tags. */
export function BasicsStep() {
  const { experiment, readOnly } = useEditorContext();
  const { register, control, setValue, getValues, formState } = useFormContext<ExperimentFormInput>();
  const { errors } = formState;
  // A new experiment's key follows its name until the person types a key of their own.
  const [keyEdited, setKeyEdited] = useState(() => experiment !== undefined || Boolean(getValues('key')));
  const nameField = register('name', {
    onChange: (event: { target: { value: string } }) => {
      if (!keyEdited) setValue('key', keyFromName(event.target.value), { shouldDirty: true });
    },
  });
  const keyField = register('key', { onChange: () => setKeyEdited(true) });

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label="Name" required autoComplete="off" error={errors.name?.message} disabled={readOnly} {...nameField} />
        <TextInput
          label="Key"
          description={experiment ? 'Fixed once saved: results and apps refer to it' : 'Follows the name until you edit it; fixed once saved'}
          required
          autoComplete="off"
          spellCheck={false}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          error={errors.key?.message}
          readOnly={experiment !== undefined}
          disabled={readOnly}
          {...keyField}
        />
      </SimpleGrid>
      <Textarea
        label="Hypothesis"
        description="What you change, what you expect to happen and why, e.g. “A green checkout button will raise purchases because it stands out.”"
        autosize
        minRows={3}
        error={errors.hypothesis?.message}
        disabled={readOnly}
        {...register('hypothesis')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label="Owner" description="Who to ask about it" autoComplete="off" error={errors.owner?.message} disabled={readOnly} {...register('owner')} />
        <Controller
          control={control}
          name="tags"
          render={({ field, fieldState }) => (
            <TagsInput
              label="Tags"
              description="Press Enter after each tag"
              value={field.value ?? []}
              onChange={field.onChange}
              onBlur={field.onBlur}
              error={fieldState.error?.message ?? (Array.isArray(fieldState.error) ? 'Check the tags' : undefined)}
              disabled={readOnly}
              clearable
            />
          )}
        />
      </SimpleGrid>
    </Stack>
  );
}
