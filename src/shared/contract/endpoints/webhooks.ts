import { z } from 'zod';
import { idParamsSchema } from '../common';
import { defineEndpoint } from '../endpoint';
import { environmentQuerySchema } from '../environments';
import {
  createdWebhookSchema,
  createWebhookBodySchema,
  rotatedWebhookSecretSchema,
  updateWebhookBodySchema,
  webhookDeliveryListSchema,
  webhookDeliverySchema,
  webhookListSchema,
  webhookSchema,
} from '../webhooks';

const environmentQuery = z.strictObject({ environment: environmentQuerySchema });

/** /api/webhooks: an environment's webhooks and their delivery logs. */
export const webhooksApi = {
  list: defineEndpoint({ method: 'GET', path: '/api/webhooks', query: environmentQuery, response: webhookListSchema }),
  create: defineEndpoint({ method: 'POST', path: '/api/webhooks', query: environmentQuery, body: createWebhookBodySchema, response: createdWebhookSchema, status: 201 }),
  update: defineEndpoint({ method: 'PATCH', path: '/api/webhooks/{id}', params: idParamsSchema, body: updateWebhookBodySchema, response: webhookSchema }),
  remove: defineEndpoint({ method: 'DELETE', path: '/api/webhooks/{id}', params: idParamsSchema, response: null }),
  rotateSecret: defineEndpoint({ method: 'POST', path: '/api/webhooks/{id}/rotate-secret', params: idParamsSchema, response: rotatedWebhookSecretSchema }),
  sendTest: defineEndpoint({ method: 'POST', path: '/api/webhooks/{id}/test', params: idParamsSchema, response: webhookDeliverySchema, status: 202 }),
  deliveries: defineEndpoint({ method: 'GET', path: '/api/webhooks/{id}/deliveries', params: idParamsSchema, response: webhookDeliveryListSchema }),
  retryDelivery: defineEndpoint({ method: 'POST', path: '/api/webhooks/deliveries/{id}/retry', params: idParamsSchema, response: webhookDeliverySchema, status: 202 }),
};
