import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, Input, NativeSelect, SegmentedControl, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { createSdkKeyBodySchema, type CreateSdkKeyBody, type CreatedSdkKey } from '../../../../shared/contract/sdk-keys';
import { FormError } from '../../../components/form-error';
import { applyFieldErrors } from '../../../lib/apply-field-errors';
import { useCurrentEnvironment } from '../../../lib/use-current-environment';
import { useCreateSdkKey } from '../api/create-sdk-key';


const kindDescriptions = {
  client: 'Safe to ship inside an app or web page: it can only read values.',
  server: 'For your backends: reads values and sends events. Keep it secret.',
};

export function CreateSdkKeyForm({ onCreated }: { onCreated: (created: CreatedSdkKey) => void }) {
  const createKey = useCreateSdkKey();
  // A new key reads the environment on screen unless the admin picks another.
  const current = useCurrentEnvironment();
  const defaultValues: CreateSdkKeyBody = { name: '', kind: 'client', allowEvents: false, environmentId: current.environment?.id ?? current.key };
  const {
    register,
    handleSubmit,
    setError,
    reset,
    control,
    formState: { errors },
  } = useForm({ resolver: zodResolver(createSdkKeyBodySchema), defaultValues });
  const kind = useWatch({ control, name: 'kind' });

  const onSubmit = handleSubmit((body) =>
    createKey.mutateAsync({ ...body, allowEvents: body.kind === 'client' ? body.allowEvents : false }).then(
      (created) => {
        reset(defaultValues);
        onCreated(created);
      },
      (error: unknown) => {
        applyFieldErrors(error, setError, { fields: ['name', 'kind', 'allowEvents', 'environmentId'] });
      },
    ),
  );

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Create an SDK key">
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label="Key name" description="Say which app uses it, e.g. “iOS app”" autoComplete="off" required error={errors.name?.message} {...register('name')} />
          <Controller
            control={control}
            name="environmentId"
            render={({ field }) => (
              // Controlled, so the choice shows once the environments arrive (they may load after the form).
              <NativeSelect
                label="Environment"
                description="The values this key reads; apps never name one"
                data={current.environments.map((environment) => ({ value: environment.id, label: environment.name }))}
                error={errors.environmentId?.message}
                value={field.value}
                onChange={(event) => field.onChange(event.currentTarget.value)}
                onBlur={field.onBlur}
                name={field.name}
              />
            )}
          />
          <Input.Wrapper labelElement="div" label="Kind" description={kindDescriptions[kind]} error={errors.kind?.message}>
            <Controller
              control={control}
              name="kind"
              render={({ field }) => (
                <SegmentedControl
                  aria-label="Kind"
                  value={field.value}
                  onChange={(value) => field.onChange(value)}
                  data={[
                    { value: 'client', label: 'Client' },
                    { value: 'server', label: 'Server' },
                  ]}
                  mt={4}
                  style={{ display: 'flex' }}
                />
              )}
            />
          </Input.Wrapper>
        </SimpleGrid>
        {kind === 'client' && (
          <Controller
            control={control}
            name="allowEvents"
            render={({ field }) => (
              <Switch
                label="Allow sending events"
                description="Lets the app send exposure and track events with this key too."
                checked={field.value ?? false}
                onChange={(event) => field.onChange(event.currentTarget.checked)}
              />
            )}
          />
        )}
        <FormError message={errors.root?.server?.message} />
        <Group>
          <Button type="submit" loading={createKey.isPending} leftSection={<IconPlus size={16} aria-hidden />}>
            Create SDK key
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
