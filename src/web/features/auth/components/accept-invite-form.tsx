import { zodResolver } from '@hookform/resolvers/zod';
import { Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from 'react-hook-form';
import { acceptInviteBodySchema, type SessionInfo } from '../../../../shared/contract/auth';
import { FormError } from '../../../components/form-error';
import { applyFieldErrors } from '../../../lib/apply-field-errors';
import { useAcceptInvite } from '../api/accept-invite';

export interface AcceptInviteFormProps {
  /** The secret from the invite link (its #token= fragment). */
  token: string;
  onAccepted: (session: SessionInfo) => void;
}

export function AcceptInviteForm({ token, onAccepted }: AcceptInviteFormProps) {
  const acceptInvite = useAcceptInvite();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm({ resolver: zodResolver(acceptInviteBodySchema), defaultValues: { token, name: '', password: '' } });

  const onSubmit = handleSubmit((body) =>
    acceptInvite.mutateAsync(body).then(onAccepted, (error: unknown) => {
      applyFieldErrors(error, setError, { fields: ['name', 'password'] });
    }),
  );

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        <TextInput label="Your name" autoComplete="name" required error={errors.name?.message} {...register('name')} />
        <PasswordInput
          label="Choose a password"
          description="At least 12 characters."
          autoComplete="new-password"
          required
          error={errors.password?.message}
          {...register('password')}
        />
        {/* The token is not an input; a problem with it (too short, expired) is the link's fault, said here. */}
        <FormError message={errors.token ? 'This invite link is incomplete or damaged. Ask an admin for a new one.' : errors.root?.server?.message} />
        <Button type="submit" loading={acceptInvite.isPending} fullWidth>
          Join Switchboard
        </Button>
      </Stack>
    </form>
  );
}
