import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Checkbox, Group, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Controller, useForm } from 'react-hook-form';
import { createWebhookBodySchema, webhookEventTypes } from '../../../../shared/contract/webhooks';
import { FormError } from '../../../components/form-error';
import { applyFieldErrors } from '../../../lib/apply-field-errors';
import { useCreateWebhook, type CreateWebhookInput, type WebhookWithSecret } from '../api/webhooks-api';
import { webhookEventLabels } from './event-labels';

export interface CreateWebhookFormProps {
  environment: string;
  onCreated: (created: WebhookWithSecret) => void;
}

const defaultValues: CreateWebhookInput = { url: '', description: '', events: [...webhookEventTypes] };

export function CreateWebhookForm({ environment, onCreated }: CreateWebhookFormProps) {
  const createWebhook = useCreateWebhook(environment);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    control,
    formState: { errors },
  } = useForm({ resolver: zodResolver(createWebhookBodySchema), defaultValues });

  const onSubmit = handleSubmit((body) =>
    createWebhook.mutateAsync(body).then(
      (created) => {
        reset();
        onCreated(created);
      },
      (error: unknown) => applyFieldErrors(error, setError, { fields: ['url', 'description', 'events'] }),
    ),
  );

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Add a webhook">
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="URL" description="Where Switchboard POSTs each event" placeholder="https://example.com/hooks/switchboard" autoComplete="off" required error={errors.url?.message} {...register('url')} />
          <TextInput label="Description" description="Optional: what receives it, e.g. “#releases in Slack”" autoComplete="off" error={errors.description?.message} {...register('description')} />
        </SimpleGrid>
        <Controller
          control={control}
          name="events"
          render={({ field }) => (
            <Checkbox.Group label="Events" description="Send these events of this environment" value={field.value} onChange={field.onChange} error={errors.events?.message ?? errors.events?.root?.message}>
              <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs" spacing="xs">
                {webhookEventTypes.map((type) => (
                  <Checkbox key={type} value={type} label={webhookEventLabels[type]} />
                ))}
              </SimpleGrid>
            </Checkbox.Group>
          )}
        />
        <FormError message={errors.root?.server?.message} />
        <Group>
          <Button type="submit" loading={createWebhook.isPending} leftSection={<IconPlus size={16} aria-hidden />}>
            Add webhook
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
