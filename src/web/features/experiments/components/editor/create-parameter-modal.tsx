import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, Modal, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { createParameterBodySchema, type CreateParameterBody, type Parameter } from '../../../../../shared/contract/parameters';
import { defaultValueFor, parameterTypeLabels, parameterTypes, type TypeSpec } from '../../../../../shared/values';
import { FormError } from '../../../../components/form-error';
import { isApiError } from '../../../../lib/api-error';
import { applyFieldErrors } from '../../../../lib/apply-field-errors';
import { useCreateParameterInline } from '../../api/catalog-options';
import { useEditorContext, type ValueMessage } from './editor-context';

// Lists and maps need an element type first: the parameters page creates those.
const simpleTypes = parameterTypes.filter((type) => type !== 'array' && type !== 'map');
const typeOptions = simpleTypes.map((type) => ({ value: type, label: parameterTypeLabels[type] }));

export interface CreateParameterModalProps {
  opened: boolean;
  onClose: () => void;
  onCreated: (parameter: Parameter) => void;
}

/** "Create a parameter inline": key, name, type and default value, without leaving the experiment. */
export function CreateParameterModal({ opened, onClose, onCreated }: CreateParameterModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title="Create a parameter" size="lg" centered closeButtonProps={{ 'aria-label': 'Close dialog' }}>
      {opened && <CreateParameterForm onCreated={onCreated} onCancel={onClose} />}
    </Modal>
  );
}

function CreateParameterForm({ onCreated, onCancel }: { onCreated: (parameter: Parameter) => void; onCancel: () => void }) {
  const { renderValueEditor, environment } = useEditorContext();
  const create = useCreateParameterInline(environment);
  const [valueErrors, setValueErrors] = useState<ValueMessage[]>([]);
  const [valueInvalid, setValueInvalid] = useState(false);
  const { register, control, handleSubmit, setError, setValue, formState } = useForm<CreateParameterBody>({
    resolver: zodResolver(createParameterBodySchema),
    defaultValues: { key: '', name: '', spec: { type: 'string' }, defaultValue: '' },
  });
  const spec = useWatch({ control, name: 'spec' }) as TypeSpec;

  const onSubmit = handleSubmit((body) => {
    if (valueInvalid) return setError('root.server', { message: 'Finish the default value first: some text in it is not valid yet.' });
    return create.mutateAsync(body).then(onCreated, (error: unknown) => {
      const fieldErrors = isApiError(error) ? error.fieldErrors : [];
      setValueErrors(fieldErrors.filter((e) => e.path === 'defaultValue' || e.path.startsWith('defaultValue.')).map((e) => ({ path: e.path.replace(/^defaultValue\.?/, ''), message: e.message })));
      applyFieldErrors(error, setError, { fields: fieldErrors.map((e) => e.path).filter((path) => path === 'key' || path === 'name') as ('key' | 'name')[] });
    });
  });

  return (
    // A form of its own inside the editor's form: stop the submit from reaching the outer one.
    <form
      onSubmit={(event) => {
        event.stopPropagation();
        void onSubmit(event);
      }}
      noValidate
      aria-label="Create a parameter"
    >
      <Stack>
        <Text size="sm" c="dimmed">
          Apps get the default value until a variant or a targeting rule says otherwise.
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Key" description="What apps ask for, e.g. checkout.button_colour" required autoComplete="off" spellCheck={false} error={formState.errors.key?.message} data-autofocus {...register('key')} />
          <TextInput label="Name" required autoComplete="off" error={formState.errors.name?.message} {...register('name')} />
        </SimpleGrid>
        <NativeSelect
          label="Type"
          data={typeOptions}
          value={spec.type}
          onChange={(event) => {
            const next = { type: event.currentTarget.value } as TypeSpec;
            setValue('spec', next);
            setValue('defaultValue', defaultValueFor(next));
            setValueErrors([]);
          }}
        />
        <Controller
          control={control}
          name="defaultValue"
          render={({ field }) => (
            <>
              {renderValueEditor({
                spec,
                value: field.value,
                onChange: (value) => {
                  field.onChange(value);
                  setValueErrors([]);
                },
                errors: valueErrors,
                label: 'Default value',
                onInvalid: setValueInvalid,
              })}
            </>
          )}
        />
        <FormError message={formState.errors.root?.server?.message} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending}>
            Create and add
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
