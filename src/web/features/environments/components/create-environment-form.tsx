import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { Controller, useForm } from 'react-hook-form';
import { createEnvironmentBodySchema, type CreateEnvironmentBody } from '../../../../shared/contract/environments';
import { FormError } from '../../../components/form-error';
import { applyFieldErrors } from '../../../lib/apply-field-errors';
import { useCreateEnvironment } from '../api/update-environments';
import { ColorPalette, environmentPalette } from './color-palette';

const defaultValues: CreateEnvironmentBody = { key: '', name: '', color: environmentPalette[3].value };

/** Adds an environment: a key apps' SDK keys point at (never changes), a name and a colour. */
export function CreateEnvironmentForm() {
  const create = useCreateEnvironment();
  const {
    register,
    handleSubmit,
    setError,
    reset,
    control,
    formState: { errors },
  } = useForm({ resolver: zodResolver(createEnvironmentBodySchema), defaultValues });

  const onSubmit = handleSubmit((body) =>
    create.mutateAsync(body).then(
      (created) => {
        reset(defaultValues);
        notifications.show({ color: 'teal', title: 'Environment added', message: `“${created.name}” is in the switcher now.`, closeButtonProps: { 'aria-label': 'Close notification' } });
      },
      (error: unknown) => applyFieldErrors(error, setError, { fields: ['key', 'name', 'color'] }),
    ),
  );

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Add an environment">
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Name" description="As the switcher shows it, e.g. “QA”" autoComplete="off" required error={errors.name?.message} {...register('name')} />
          <TextInput
            label="Key"
            description="Lowercase letters, digits and “-”; it cannot change later"
            autoComplete="off"
            required
            error={errors.key?.message}
            {...register('key')}
          />
        </SimpleGrid>
        <Controller control={control} name="color" render={({ field }) => <ColorPalette value={field.value ?? ''} onChange={field.onChange} error={errors.color?.message} />} />
        <FormError message={errors.root?.server?.message} />
        <Group>
          <Button type="submit" loading={create.isPending} leftSection={<IconPlus size={16} aria-hidden />}>
            Add environment
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
