import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { IconUserPlus } from '@tabler/icons-react';
import { useForm, useWatch } from 'react-hook-form';
import { inviteUserBodySchema, type InvitedUser, type InviteUserBody } from '../../../../shared/contract/users';
import { FormError } from '../../../components/form-error';
import { applyFieldErrors } from '../../../lib/apply-field-errors';
import { roleDescriptions, roleOptions } from '../../../lib/roles';
import { useInviteUser } from '../api/invite-user';

export interface InviteUserFormProps {
  onInvited: (invited: InvitedUser) => void;
}

const defaultValues: InviteUserBody = { email: '', name: undefined, role: 'editor' };

const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

export function InviteUserForm({ onInvited }: InviteUserFormProps) {
  const inviteUser = useInviteUser();
  const {
    register,
    handleSubmit,
    setError,
    reset,
    control,
    formState: { errors },
  } = useForm({
    resolver: zodResolver(inviteUserBodySchema),
    defaultValues,
  });
  const role = useWatch({ control, name: 'role' });

  const onSubmit = handleSubmit((body) =>
    inviteUser.mutateAsync(body).then(
      (invited) => {
        reset();
        onInvited(invited);
      },
      (error: unknown) => {
        applyFieldErrors(error, setError, { fields: ['email', 'name', 'role'] });
      },
    ),
  );

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Invite someone">
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label="Email" type="email" autoComplete="off" required error={errors.email?.message} {...register('email')} />
          <TextInput
            label="Name"
            description="Optional: they can set it when they join"
            autoComplete="off"
            error={errors.name?.message}
            {...register('name', { setValueAs: blankToUndefined })}
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
          <Button type="submit" loading={inviteUser.isPending} leftSection={<IconUserPlus size={16} aria-hidden />}>
            Create invite link
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
