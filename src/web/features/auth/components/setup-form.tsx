import { zodResolver } from '@hookform/resolvers/zod';
import { Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from 'react-hook-form';
import { setupBodySchema, type SessionInfo } from '../../../../shared/contract/auth';
import { FormError } from '../../../components/form-error';
import { applyFieldErrors } from '../../../lib/apply-field-errors';
import { useSetUp } from '../api/set-up';

export interface SetupFormProps {
  onSetUp: (session: SessionInfo) => void;
}

/** First run: creates the first admin account. */
export function SetupForm({ onSetUp }: SetupFormProps) {
  const setUp = useSetUp();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm({ resolver: zodResolver(setupBodySchema), defaultValues: { email: '', name: '', password: '' } });

  const onSubmit = handleSubmit((body) =>
    setUp.mutateAsync(body).then(onSetUp, (error: unknown) => {
      applyFieldErrors(error, setError, { fields: ['email', 'name', 'password'] });
    }),
  );

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        <TextInput label="Your name" autoComplete="name" required error={errors.name?.message} {...register('name')} />
        <TextInput
          label="Email"
          type="email"
          autoComplete="username"
          required
          error={errors.email?.message}
          {...register('email')}
        />
        <PasswordInput
          label="Password"
          description="At least 12 characters. A few unrelated words make a strong one."
          autoComplete="new-password"
          required
          error={errors.password?.message}
          {...register('password')}
        />
        <FormError message={errors.root?.server?.message} />
        <Button type="submit" loading={setUp.isPending} fullWidth>
          Create admin account
        </Button>
      </Stack>
    </form>
  );
}
