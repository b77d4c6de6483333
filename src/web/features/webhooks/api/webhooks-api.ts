import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { QueryClient } from '@tanstack/react-query';
import type { createWebhookBodySchema, updateWebhookBodySchema, Webhook } from '../../../../shared/contract/webhooks';
import { webhooksApi } from '../../../../shared/contract/endpoints/webhooks';
import { callEndpoint } from '../../../lib/call-endpoint';

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

export function webhooksQueryOptions(environment: string) {
  return queryOptions({
    queryKey: webhooksKeys.list(environment),
    queryFn: ({ client, signal }) => callEndpoint(client, webhooksApi.list, { query: { environment }, signal }),
    select: (data) => data.webhooks,
  });
}

export function deliveriesQueryOptions(id: string) {
  return queryOptions({
    queryKey: webhooksKeys.deliveries(id),
    queryFn: ({ client, signal }) => callEndpoint(client, webhooksApi.deliveries, { params: { id }, signal }),
    select: (data) => data.deliveries,
    // Pending deliveries change on their own: look again while any is waiting.
    refetchInterval: (query) => (query.state.data?.deliveries.some((d) => d.status === 'pending') ? 3000 : false),
  });
}

function useWebhookMutation<Input, Output>(run: (input: Input, client: QueryClient) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Input, { client }) => run(input, client),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: webhooksKeys.all }),
  });
}

export const useCreateWebhook = (environment: string) =>
  useWebhookMutation((body: CreateWebhookInput, client) =>
    callEndpoint(client, webhooksApi.create, { query: { environment }, body }),
  );

export const useUpdateWebhook = () =>
  useWebhookMutation(({ id, body }: { id: string; body: UpdateWebhookInput }, client) => callEndpoint(client, webhooksApi.update, { params: { id }, body }));

export const useDeleteWebhook = () => useWebhookMutation((id: string, client) => callEndpoint(client, webhooksApi.remove, { params: { id } }));

export const useRotateWebhookSecret = () =>
  useWebhookMutation((id: string, client) => callEndpoint(client, webhooksApi.rotateSecret, { params: { id } }));

export const useSendTestDelivery = () =>
  useWebhookMutation((id: string, client) => callEndpoint(client, webhooksApi.sendTest, { params: { id } }));

export const useRetryDelivery = () =>
  useWebhookMutation((deliveryId: string, client) =>
    callEndpoint(client, webhooksApi.retryDelivery, { params: { id: deliveryId } }),
  );
