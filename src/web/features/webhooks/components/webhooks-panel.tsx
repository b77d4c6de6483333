import { EmptyState, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconWebhook } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { QueryError } from '../../../components/query-error';
import { useCurrentEnvironment } from '../../../lib/use-current-environment';
import { webhooksQueryOptions, type WebhookWithSecret } from '../api/webhooks-api';
import { CreateWebhookForm } from './create-webhook-form';
import { WebhookCard } from './webhook-card';
import { WebhookSecret } from './webhook-secret';

/** Settings > Webhooks: URLs told about rollouts, experiments and changes in the header's environment (admins only). */
export function WebhooksPanel() {
  const current = useCurrentEnvironment();
  const environmentName = current.environment?.name ?? current.key;
  const webhooks = useQuery(webhooksQueryOptions(current.key));
  const [secret, setSecret] = useState<{ shown: WebhookWithSecret; rotated: boolean } | null>(null);
  const createHeading = useId();
  const listHeading = useId();

  return (
    <Stack gap="xl">
      <Paper withBorder p="lg" component="section" aria-labelledby={createHeading}>
        <Stack gap="md">
          <div>
            <Title order={2} size="h3" id={createHeading}>
              Add a webhook in {environmentName}
            </Title>
            <Text size="sm" c="dimmed">
              Switchboard POSTs a signed JSON message to your URL when something you choose happens here, and retries for a day if it fails.
            </Text>
          </div>
          {secret ? (
            <WebhookSecret shown={secret.shown} rotated={secret.rotated} onDone={() => setSecret(null)} />
          ) : (
            <CreateWebhookForm environment={current.key} onCreated={(shown) => setSecret({ shown, rotated: false })} />
          )}
        </Stack>
      </Paper>
      <Stack gap="sm" component="section" aria-labelledby={listHeading} aria-busy={webhooks.isPending}>
        <Title order={2} size="h3" id={listHeading}>
          Webhooks in {environmentName}
        </Title>
        {webhooks.isError ? (
          <QueryError title="Could not load webhooks" error={webhooks.error} onRetry={() => void webhooks.refetch()} retrying={webhooks.isFetching} />
        ) : webhooks.isPending ? (
          <Skeleton height={120} radius="md" />
        ) : webhooks.data.length === 0 ? (
          <EmptyState icon={<IconWebhook aria-hidden />} withIndicatorBackground title="No webhooks yet" description={`Add one to tell another system what happens in ${environmentName}.`} />
        ) : (
          webhooks.data.map((webhook) => <WebhookCard key={webhook.id} webhook={webhook} onSecret={(shown) => setSecret({ shown, rotated: true })} />)
        )}
      </Stack>
    </Stack>
  );
}
