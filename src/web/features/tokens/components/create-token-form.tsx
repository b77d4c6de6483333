import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useForm, useWatch } from 'react-hook-form';
import { createApiTokenBodySchema, type CreateApiTokenBody, type CreatedApiToken } from '../../../../shared/contract/tokens';
import { FormError } from '../../../components/form-error';
import { applyFieldErrors } from '../../../lib/apply-field-errors';
import { roleDescriptions, roleOptions } from '../../../lib/roles';
import { useCreateToken } from '../api/create-token';

export interface CreateTokenFormProps {
  onCreated: (created: CreatedApiToken) => void;
}

const defaultValues: CreateApiTokenBody = { name: '', role: 'viewer' };

export function CreateTokenForm({ onCreated }: CreateTokenFormProps) {
  const createToken = useCreateToken();
  const {
    register,
    handleSubmit,
    setError,
    reset,
    control,
    formState: { errors },
  } = useForm({ resolver: zodResolver(createApiTokenBodySchema), defaultValues });
  const role = useWatch({ control, name: 'role' });

  const onSubmit = handleSubmit((body) =>
    createToken.mutateAsync(body).then(
      (created) => {
        reset();
        onCreated(created);
      },
      (error: unknown) => {
        applyFieldErrors(error, setError, { fields: ['name', 'role'] });
      },
    ),
  );

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Create an API token">
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label="Token name"
            description="Say what uses it, e.g. “CI deploy script”"
            autoComplete="off"
            required
            error={errors.name?.message}
            {...register('name')}
          />
          <NativeSelect
            label="Role"
            description={roleDescriptions[role] ?? ''}
            data={roleOptions}
            error={errors.role?.message}
            {...register('role')}
          />
        </SimpleGrid>
        <FormError message={errors.root?.server?.message} />
        <Group>
          <Button type="submit" loading={createToken.isPending} leftSection={<IconPlus size={16} aria-hidden />}>
            Create token
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
