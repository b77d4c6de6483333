import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { Controller, useForm } from 'react-hook-form';
import { z } from 'zod';
import { environmentColorSchema, type Environment } from '../../../../shared/contract/environments';
import { FormError } from '../../../components/form-error';
import { applyFieldErrors } from '../../../lib/apply-field-errors';
import { useUpdateEnvironment } from '../api/update-environments';
import { ColorPalette } from './color-palette';

const editSchema = z.object({
  name: z.string().trim().min(1, 'Enter a name').max(60, 'Use at most 60 characters'),
  color: environmentColorSchema,
});
type EditValues = z.infer<typeof editSchema>;

/** Rename or recolour an environment (with the version shown, so a change made meanwhile is not overwritten). */
export function EditEnvironmentModal({ environment, onClose }: { environment: Environment; onClose: () => void }) {
  const update = useUpdateEnvironment();
  const {
    register,
    handleSubmit,
    setError,
    control,
    formState: { errors },
  } = useForm<EditValues>({ resolver: zodResolver(editSchema), defaultValues: { name: environment.name, color: environment.color } });

  const onSubmit = handleSubmit((values) =>
    update.mutateAsync({ id: environment.id, body: { ...values, expectedVersion: environment.version } }).then(onClose, (error: unknown) =>
      applyFieldErrors(error, setError, { fields: ['name', 'color'] }),
    ),
  );

  return (
    <Modal opened onClose={onClose} title={`Edit ${environment.name}`} centered closeButtonProps={{ 'aria-label': 'Close dialog' }}>
      <form onSubmit={onSubmit} noValidate aria-label={`Edit ${environment.name}`}>
        <Stack>
          <TextInput label="Name" required autoComplete="off" error={errors.name?.message} data-autofocus {...register('name')} />
          <Controller control={control} name="color" render={({ field }) => <ColorPalette value={field.value} onChange={field.onChange} error={errors.color?.message} />} />
          <FormError message={errors.root?.server?.message} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={update.isPending}>
              Cancel
            </Button>
            <Button type="submit" loading={update.isPending}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
