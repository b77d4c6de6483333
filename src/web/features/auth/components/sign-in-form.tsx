import { Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm, type Resolver } from 'react-hook-form';
import type { LoginBody, SessionInfo } from '../../../../shared/contract/auth';
import { FormError } from '../../../components/form-error';
import { applyFieldErrors } from '../../../lib/apply-field-errors';
import { useSignIn } from '../api/sign-in';

export interface SignInFormProps {
  onSignedIn: (session: SessionInfo) => void;
  defaultEmail?: string;
}

/**
 * The contract's login schema, loaded on the first submit: zod is a large part of the code a
 * phone would otherwise download and run before the sign-in page can show.
 */
const validateLogin: Resolver<LoginBody> = async (values, context, options) => {
  const { loginResolver } = await import('./login-resolver');
  return loginResolver(values, context, options);
};

export function SignInForm({ onSignedIn, defaultEmail = '' }: SignInFormProps) {
  const signIn = useSignIn();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<LoginBody>({ resolver: validateLogin, defaultValues: { email: defaultEmail, password: '' } });

  const onSubmit = handleSubmit((body) =>
    signIn.mutateAsync(body).then(onSignedIn, (error: unknown) => {
      applyFieldErrors(error, setError, { fields: ['email', 'password'] });
    }),
  );

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
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
          autoComplete="current-password"
          required
          error={errors.password?.message}
          {...register('password')}
        />
        <FormError message={errors.root?.server?.message} />
        <Button type="submit" loading={signIn.isPending} fullWidth>
          Sign in
        </Button>
      </Stack>
    </form>
  );
}
