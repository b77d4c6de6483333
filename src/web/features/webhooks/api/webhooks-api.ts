import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { createWebhookBodySchema, updateWebhookBodySchema, Webhook, WebhookDelivery } from '../../../../shared/contract/webhooks';
import { apiRequest } from '../../../lib/api-client';

export type CreateWebhookInput = z.input<typeof createWebhookBodySchema>;
export type UpdateWebhookInput = z.input<typeof updateWebhookBodySchema>;
/** The answer to a create or a rotation: the only time the secret is shown. */
export interface WebhookWithSecret {
  webhook: Webhook;
  secret: string;
}

export const webhooksKeys = {
  all: ['webhooks'] as const,
  list: (environment: string) => [...webhooksKeys.all, 'list', environment] as const,
  deliveries: (id: string) => [...webhooksKeys.all, 'deliveries', id] as const,
};

const path = (id: string, rest = '') => `/api/webhooks/${encodeURIComponent(id)}${rest}`;

export function webhooksQueryOptions(environment: string) {
  return queryOptions({
    queryKey: webhooksKeys.list(environment),
    queryFn: ({ client, signal }) => apiRequest<{ webhooks: Webhook[] }>(client, `/api/webhooks?environment=${encodeURIComponent(environment)}`, { signal }),
    select: (data) => data.webhooks,
  });
}

export function deliveriesQueryOptions(id: string) {
  return queryOptions({
    queryKey: webhooksKeys.deliveries(id),
    queryFn: ({ client, signal }) => apiRequest<{ deliveries: WebhookDelivery[] }>(client, path(id, '/deliveries'), { signal }),
    select: (data) => data.deliveries,
    // Pending deliveries change on their own: look again while any is waiting.
    refetchInterval: (query) => (query.state.data?.deliveries.some((d) => d.status === 'pending') ? 3000 : false),
  });
}

function useWebhookMutation<Input, Output>(run: (input: Input, client: Parameters<typeof apiRequest>[0]) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Input, { client }) => run(input, client),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: webhooksKeys.all }),
  });
}

export const useCreateWebhook = (environment: string) =>
  useWebhookMutation((body: CreateWebhookInput, client) =>
    apiRequest<WebhookWithSecret>(client, `/api/webhooks?environment=${encodeURIComponent(environment)}`, { method: 'POST', body }),
  );

export const useUpdateWebhook = () =>
  useWebhookMutation(({ id, body }: { id: string; body: UpdateWebhookInput }, client) => apiRequest<Webhook>(client, path(id), { method: 'PATCH', body }));

export const useDeleteWebhook = () => useWebhookMutation((id: string, client) => apiRequest<void>(client, path(id), { method: 'DELETE' }));

export const useRotateWebhookSecret = () =>
  useWebhookMutation((id: string, client) => apiRequest<WebhookWithSecret>(client, path(id, '/rotate-secret'), { method: 'POST' }));

export const useSendTestDelivery = () =>
  useWebhookMutation((id: string, client) => apiRequest<WebhookDelivery>(client, path(id, '/test'), { method: 'POST' }));

export const useRetryDelivery = () =>
  useWebhookMutation((deliveryId: string, client) =>
    apiRequest<WebhookDelivery>(client, `/api/webhooks/deliveries/${encodeURIComponent(deliveryId)}/retry`, { method: 'POST' }),
  );
