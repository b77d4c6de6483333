import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Fieldset, Group, SimpleGrid, Stack, TagsInput, Textarea, TextInput, Title } from '@mantine/core';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import type { z } from 'zod';
import { createParameterBodySchema, type Parameter } from '../../../../shared/contract/parameters';
import { defaultValueFor, validateValue, type TypeSpec } from '../../../../shared/values';
import { FormError } from '../../../components/form-error';
import { applyFieldErrors } from '../../../lib/apply-field-errors';
import { useCreateParameter } from '../api/create-parameter';
import type { FieldMessage } from '../editors/field-messages';
import { SpecEditor } from '../editors/spec-editor';
import { templateFor, type ParameterTemplate } from '../editors/templates';
import { pathsUnder, routeFieldErrors } from '../utils/route-field-errors';
import { sameShape } from '../utils/spec-shape';
import { TemplatePicker } from './template-picker';
import { ValueWithPreview } from './value-with-preview';
import { useCurrentEnvironment } from '../../../lib/use-current-environment';

export interface NewParameterFormProps {
  /** Prefills the key, e.g. a key apps already request. */
  initialKey?: string;
  onCreated: (parameter: Parameter) => void;
}

/** The create body, plus the default value checked against its type and constraints. */
const formSchema = createParameterBodySchema.superRefine((body, ctx) => {
  if (validateValue(body.spec, body.defaultValue).errors.length > 0) {
    ctx.addIssue({ code: 'custom', path: ['defaultValue'], message: 'The default value has problems: fix the fields marked in it.' });
  }
});

type FormInput = z.input<typeof formSchema>;

const initialSpec: TypeSpec = { type: 'string' };
const formFields = ['key', 'name', 'description', 'tags', 'spec', 'defaultValue'] as const;

export function NewParameterForm({ initialKey = '', onCreated }: NewParameterFormProps) {
  const environment = useCurrentEnvironment().key;
  const create = useCreateParameter(environment);
  const [valueErrors, setValueErrors] = useState<FieldMessage[]>([]);
  const [specErrors, setSpecErrors] = useState<FieldMessage[]>([]);
  const [draftInvalid, setDraftInvalid] = useState({ value: false, spec: false });
  const {
    register,
    control,
    handleSubmit,
    setError,
    setValue,
    getValues,
    clearErrors,
    formState: { errors },
  } = useForm({
    resolver: zodResolver(formSchema),
    defaultValues: { key: initialKey, name: '', description: '', tags: [], spec: initialSpec, defaultValue: defaultValueFor(initialSpec) },
  });
  const spec = useWatch({ control, name: 'spec' });
  const template = templateFor(spec);

  const changeSpec = (next: TypeSpec) => {
    const previous = getValues('spec');
    setValue('spec', next, { shouldDirty: true });
    if (!sameShape(previous, next)) setValue('defaultValue', defaultValueFor(next), { shouldDirty: true });
    setSpecErrors([]);
    clearErrors(['spec', 'defaultValue']);
  };

  const chooseTemplate = (chosen: ParameterTemplate | null) => {
    if (!chosen) return changeSpec(initialSpec);
    setValue('spec', chosen.spec, { shouldDirty: true });
    setValue('defaultValue', structuredClone(chosen.defaultValue), { shouldDirty: true });
    if (!getValues('key')) setValue('key', chosen.suggestedKey);
    if (!getValues('name')) setValue('name', chosen.name);
    clearErrors();
  };

  const onSubmit = handleSubmit((body) => {
    if (draftInvalid.value || draftInvalid.spec) {
      setError('root.server', { type: 'client', message: 'Finish the value first: some text in it is not valid yet.' });
      return;
    }
    return create.mutateAsync(body).then(onCreated, (error: unknown) => {
      const routed = routeFieldErrors(setError);
      applyFieldErrors(error, routed.setError, { fields: pathsUnder<FormInput>(error, formFields) });
      setValueErrors(routed.valueErrors);
      setSpecErrors(routed.specErrors);
    });
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-label="New parameter">
      <Stack gap="xl">
        <Stack gap="xs" component="section" aria-labelledby="new-parameter-start">
          <Title order={2} size="h4" id="new-parameter-start">
            Start from
          </Title>
          <TemplatePicker value={template?.id ?? null} onChoose={chooseTemplate} />
        </Stack>

        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label="Key"
            description="What apps ask for. It never changes once created."
            required
            autoComplete="off"
            spellCheck={false}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            error={errors.key?.message}
            {...register('key')}
          />
          <TextInput label="Name" description="What marketers see in the dashboard" required autoComplete="off" error={errors.name?.message} {...register('name')} />
        </SimpleGrid>
        <Textarea label="Description" description="What the value changes in the app (optional)" autosize minRows={2} error={errors.description?.message} {...register('description')} />
        <Controller
          control={control}
          name="tags"
          render={({ field, fieldState }) => (
            <TagsInput label="Tags" description="Press Enter after each tag" value={field.value ?? []} onChange={field.onChange} onBlur={field.onBlur} error={fieldState.error?.message} clearable />
          )}
        />

        {!template && (
          <Fieldset legend="Type and constraints">
            <SpecEditor spec={spec} onChange={changeSpec} errors={specErrors} onInvalid={(invalid) => setDraftInvalid((d) => ({ ...d, spec: invalid }))} />
          </Fieldset>
        )}

        <Stack gap="xs" component="section" aria-labelledby="new-parameter-value">
          <Title order={2} size="h4" id="new-parameter-value">
            Default value
          </Title>
          <Controller
            control={control}
            name="defaultValue"
            render={({ field, fieldState }) => (
              <>
                <ValueWithPreview
                  spec={spec}
                  value={field.value}
                  onChange={(next) => {
                    field.onChange(next);
                    setValueErrors([]);
                  }}
                  errors={valueErrors}
                  label="Default value"
                  description="What every app gets unless a targeting rule says otherwise"
                  onInvalid={(invalid) => setDraftInvalid((d) => ({ ...d, value: invalid }))}
                />
                <FormError message={fieldState.error?.message} />
              </>
            )}
          />
        </Stack>

        <FormError message={errors.root?.server?.message} />
        <Group>
          <Button type="submit" loading={create.isPending} leftSection={<IconDeviceFloppy size={16} aria-hidden />}>
            Create parameter
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
