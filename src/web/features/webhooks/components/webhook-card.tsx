import { Badge, Button, Code, Group, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { Webhook } from '../../../../shared/contract/webhooks';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { FormError } from '../../../components/form-error';
import { errorMessage } from '../../../lib/api-error';
import { useDeleteWebhook, useRotateWebhookSecret, useSendTestDelivery, useUpdateWebhook, type WebhookWithSecret } from '../api/webhooks-api';
import { DeliveryLog } from './delivery-log';
import { webhookEventLabels } from './event-labels';

export interface WebhookCardProps {
  webhook: Webhook;
  /** A rotation's new secret goes up to the panel, which shows it once. */
  onSecret: (rotated: WebhookWithSecret) => void;
}

/** One webhook: where it sends, what, and its actions and delivery log. */
export function WebhookCard({ webhook, onSecret }: WebhookCardProps) {
  const update = useUpdateWebhook();
  const remove = useDeleteWebhook();
  const rotate = useRotateWebhookSecret();
  const test = useSendTestDelivery();
  const [confirm, setConfirm] = useState<'delete' | 'rotate' | null>(null);
  const [showLog, setShowLog] = useState(false);
  const label = webhook.description || webhook.url;
  const actionError = [update.error, test.error].find(Boolean);

  const closeDialog = () => {
    setConfirm(null);
    remove.reset();
    rotate.reset();
  };

  return (
    <Paper withBorder p="md" component="article" aria-label={`Webhook ${label}`}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <div style={{ minWidth: 0 }}>
            <Text fw={500} style={{ overflowWrap: 'anywhere' }}>
              {webhook.url}
            </Text>
            {webhook.description && (
              <Text size="sm" c="dimmed">
                {webhook.description}
              </Text>
            )}
            <Text size="xs" c="dimmed">
              Secret ends in <Code>{webhook.secretHint}</Code>
            </Text>
          </div>
          <Badge color={webhook.active ? 'teal' : 'gray'} variant="dot">
            {webhook.active ? 'Active' : 'Paused'}
          </Badge>
        </Group>
        <Group gap={6}>
          {webhook.events.map((type) => (
            <Badge key={type} variant="light" color="gray" tt="none">
              {webhookEventLabels[type]}
            </Badge>
          ))}
        </Group>
        <Group gap="xs">
          <Button
            size="xs"
            variant="default"
            loading={test.isPending}
            onClick={() =>
              test.mutate(webhook.id, {
                onSuccess: () => {
                  setShowLog(true);
                  notifications.show({ color: 'teal', title: 'Test queued', message: `A test delivery is on its way to ${webhook.url}.` });
                },
              })
            }
          >
            Send test
          </Button>
          <Button size="xs" variant="default" loading={update.isPending} onClick={() => update.mutate({ id: webhook.id, body: { active: !webhook.active } })}>
            {webhook.active ? 'Pause' : 'Resume'}
          </Button>
          <Button size="xs" variant="default" onClick={() => setConfirm('rotate')}>
            Rotate secret
          </Button>
          <Button size="xs" variant="default" color="red" onClick={() => setConfirm('delete')} aria-label={`Delete webhook ${label}`}>
            Delete
          </Button>
          <Button size="xs" variant="subtle" onClick={() => setShowLog((shown) => !shown)} aria-expanded={showLog}>
            {showLog ? 'Hide deliveries' : 'Show deliveries'}
          </Button>
        </Group>
        <FormError message={actionError ? errorMessage(actionError) : undefined} />
        {showLog && <DeliveryLog webhookId={webhook.id} />}
      </Stack>
      <ConfirmDialog
        opened={confirm === 'delete'}
        title="Delete this webhook?"
        confirmLabel="Delete webhook"
        destructive
        loading={remove.isPending}
        error={remove.error}
        onConfirm={() => remove.mutate(webhook.id, { onSuccess: closeDialog })}
        onCancel={closeDialog}
      >
        Nothing more is sent to {webhook.url}, and its delivery log goes too. This cannot be undone.
      </ConfirmDialog>
      <ConfirmDialog
        opened={confirm === 'rotate'}
        title="Rotate the signing secret?"
        confirmLabel="Rotate secret"
        loading={rotate.isPending}
        error={rotate.error}
        onConfirm={() =>
          rotate.mutate(webhook.id, {
            onSuccess: (rotated) => {
              closeDialog();
              onSecret(rotated);
            },
          })
        }
        onCancel={closeDialog}
      >
        Deliveries are signed with a new secret from now on; the receiver must switch to it, or it will refuse them.
      </ConfirmDialog>
    </Paper>
  );
}
