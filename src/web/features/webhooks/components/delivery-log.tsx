import { Badge, Button, Code, EmptyState, Table, Text } from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { WebhookDelivery } from '../../../../shared/contract/webhooks';
import { FormError } from '../../../components/form-error';
import { QueryError } from '../../../components/query-error';
import { SkeletonRows, TableHead } from '../../../components/table-parts';
import { errorMessage } from '../../../lib/api-error';
import { formatDateTime } from '../../../lib/format';
import { deliveriesQueryOptions, useRetryDelivery } from '../api/webhooks-api';
import { webhookEventLabels } from './event-labels';

const statusColors: Record<WebhookDelivery['status'], string> = { pending: 'yellow', delivered: 'teal', failed: 'red' };
const statusLabels: Record<WebhookDelivery['status'], string> = { pending: 'Pending', delivered: 'Delivered', failed: 'Failed' };
const columns = ['Event', 'Status', 'Attempts', 'Response', 'Created', 'Action'];

/** A webhook's deliveries, newest first: what was sent, what the receiver answered, and Retry. */
export function DeliveryLog({ webhookId }: { webhookId: string }) {
  const deliveries = useQuery(deliveriesQueryOptions(webhookId));
  const retry = useRetryDelivery();

  if (deliveries.isError) {
    return <QueryError title="Could not load the delivery log" error={deliveries.error} onRetry={() => void deliveries.refetch()} retrying={deliveries.isFetching} />;
  }
  if (deliveries.isSuccess && deliveries.data.length === 0) {
    return <EmptyState icon={<IconSend aria-hidden />} title="No deliveries yet" description="Events you chose, and tests you send, appear here with the receiver’s answer." />;
  }
  return (
    <>
      <FormError message={retry.error ? errorMessage(retry.error) : undefined} />
      <Table.ScrollContainer minWidth={760}>
        <Table verticalSpacing="xs" aria-busy={deliveries.isPending}>
          <Table.Caption>Deliveries, newest first</Table.Caption>
          <TableHead columns={columns} />
          <Table.Tbody>
            {deliveries.isPending
              ? <SkeletonRows columns={columns} rows={2} />
              : deliveries.data.map((delivery) => (
                  <Table.Tr key={delivery.id}>
                    <Table.Td>{webhookEventLabels[delivery.eventType]}</Table.Td>
                    <Table.Td>
                      <Badge color={statusColors[delivery.status]} variant="dot">
                        {statusLabels[delivery.status]}
                      </Badge>
                      {delivery.status === 'pending' && delivery.nextAttemptAt && delivery.attempts > 0 && (
                        <Text size="xs" c="dimmed">
                          Next try {formatDateTime(delivery.nextAttemptAt)}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{delivery.attempts}</Table.Td>
                    <Table.Td style={{ maxWidth: 320 }}>
                      {delivery.lastStatus !== null && <Code>HTTP {delivery.lastStatus}</Code>}{' '}
                      {delivery.lastResponse && (
                        <Text size="xs" c="dimmed" lineClamp={2} title={delivery.lastResponse}>
                          {delivery.lastResponse}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{formatDateTime(delivery.createdAt)}</Table.Td>
                    <Table.Td>
                      {delivery.status !== 'pending' && (
                        <Button
                          size="xs"
                          variant="default"
                          loading={retry.isPending && retry.variables === delivery.id}
                          onClick={() => retry.mutate(delivery.id)}
                          aria-label={`Retry ${webhookEventLabels[delivery.eventType].toLowerCase()} of ${formatDateTime(delivery.createdAt)}`}
                        >
                          Retry
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}
