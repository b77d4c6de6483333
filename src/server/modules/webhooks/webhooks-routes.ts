import { createRoute, z } from '@hono/zod-openapi';
import { idParamsSchema } from '../../../shared/contract/common';
import { environmentQuerySchema } from '../../../shared/contract/environments';
import {
  createdWebhookSchema,
  createWebhookBodySchema,
  rotatedWebhookSecretSchema,
  updateWebhookBodySchema,
  webhookDeliveryListSchema,
  webhookDeliverySchema,
  webhookListSchema,
  webhookSchema,
} from '../../../shared/contract/webhooks';
import { principalOf, requireRole } from '../../http/auth-middleware';
import { createRouter, errorResponses, jsonBody, jsonContent, noContent } from '../../http/openapi';
import { resolveEnvironment } from '../environments/environments-service';
import * as webhooks from './webhooks-service';

const tags = ['Webhooks'];
// Admins only, reads too: a receiver URL often carries a credential of its own (a token in the path).
const environmentQuery = z.strictObject({ environment: environmentQuerySchema });

export function webhooksRoutes() {
  return createRouter()
    .openapi(
      createRoute({
        method: 'get', path: '/', tags, summary: "An environment's webhooks (never their secrets)", middleware: [requireRole('admin')] as const,
        request: { query: environmentQuery }, responses: { 200: jsonContent(webhookListSchema, 'Webhooks'), ...errorResponses },
      }),
      async (c) => {
        const services = c.get('services');
        const environment = await resolveEnvironment(services.store, c.req.valid('query').environment);
        return c.json({ webhooks: await webhooks.listWebhooks(services, environment.id) }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post', path: '/', tags, summary: 'Register a webhook; its signing secret is shown only in this answer', middleware: [requireRole('admin')] as const,
        request: { query: environmentQuery, body: jsonBody(createWebhookBodySchema) },
        responses: { 201: jsonContent(createdWebhookSchema, 'Created'), ...errorResponses },
      }),
      async (c) => c.json(await webhooks.createWebhook(c.get('services'), c.req.valid('query').environment, c.req.valid('json'), principalOf(c)), 201),
    )
    .openapi(
      createRoute({
        method: 'patch', path: '/{id}', tags, summary: 'Change the URL, description or events, or pause and resume', middleware: [requireRole('admin')] as const,
        request: { params: idParamsSchema, body: jsonBody(updateWebhookBodySchema) },
        responses: { 200: jsonContent(webhookSchema, 'Updated'), ...errorResponses },
      }),
      async (c) => c.json(await webhooks.updateWebhook(c.get('services'), c.req.valid('param').id, c.req.valid('json'), principalOf(c)), 200),
    )
    .openapi(
      createRoute({
        method: 'delete', path: '/{id}', tags, summary: 'Delete a webhook and its delivery log', middleware: [requireRole('admin')] as const,
        request: { params: idParamsSchema }, responses: { ...noContent, ...errorResponses },
      }),
      async (c) => {
        await webhooks.deleteWebhook(c.get('services'), c.req.valid('param').id, principalOf(c));
        return c.body(null, 204);
      },
    )
    .openapi(
      createRoute({
        method: 'post', path: '/{id}/rotate-secret', tags, summary: 'Replace the signing secret; the new one is shown only in this answer', middleware: [requireRole('admin')] as const,
        request: { params: idParamsSchema }, responses: { 200: jsonContent(rotatedWebhookSecretSchema, 'Rotated'), ...errorResponses },
      }),
      async (c) => c.json(await webhooks.rotateWebhookSecret(c.get('services'), c.req.valid('param').id, principalOf(c)), 200),
    )
    .openapi(
      createRoute({
        method: 'post', path: '/{id}/test', tags, summary: 'Queue a webhook.test delivery to this webhook', middleware: [requireRole('admin')] as const,
        request: { params: idParamsSchema }, responses: { 202: jsonContent(webhookDeliverySchema, 'Queued'), ...errorResponses },
      }),
      async (c) => c.json(await webhooks.sendTestDelivery(c.get('services'), c.req.valid('param').id, principalOf(c)), 202),
    )
    .openapi(
      createRoute({
        method: 'get', path: '/{id}/deliveries', tags, summary: "A webhook's delivery log, newest first (the last 200)", middleware: [requireRole('admin')] as const,
        request: { params: idParamsSchema }, responses: { 200: jsonContent(webhookDeliveryListSchema, 'Deliveries'), ...errorResponses },
      }),
      async (c) => c.json({ deliveries: await webhooks.listDeliveries(c.get('services'), c.req.valid('param').id) }, 200),
    )
    .openapi(
      createRoute({
        method: 'post', path: '/deliveries/{id}/retry', tags, summary: 'Send a delivery again now', middleware: [requireRole('admin')] as const,
        request: { params: idParamsSchema }, responses: { 202: jsonContent(webhookDeliverySchema, 'Queued again'), ...errorResponses },
      }),
      async (c) => c.json(await webhooks.retryDelivery(c.get('services'), c.req.valid('param').id, principalOf(c)), 202),
    );
}
