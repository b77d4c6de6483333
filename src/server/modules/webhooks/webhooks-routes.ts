import { webhooksApi } from '../../../shared/contract/endpoints/webhooks';
import { principalOf, requireRole } from '../../http/auth-middleware';
import { endpointRoutes } from '../../http/endpoint-route';
import { createRouter, errorResponses } from '../../http/openapi';
import { resolveEnvironment } from '../environments/environments-service';
import * as webhooks from './webhooks-service';

// Admins only, reads too: a receiver URL often carries a credential of its own (a token in the path).
const route = endpointRoutes('/api/webhooks', { tags: ['Webhooks'] });

export function webhooksRoutes() {
  return createRouter()
    .openapi(
      route(webhooksApi.list, {
        summary: "An environment's webhooks (never their secrets)",
        middleware: [requireRole('admin')] as const,
        responseDescription: 'Webhooks',
        responses: { ...errorResponses },
      }),
      async (c) => {
        const services = c.get('services');
        const environment = await resolveEnvironment(services.store, c.req.valid('query').environment);
        return c.json({ webhooks: await webhooks.listWebhooks(services, environment.id) }, 200);
      },
    )
    .openapi(
      route(webhooksApi.create, {
        summary: 'Register a webhook; its signing secret is shown only in this answer',
        middleware: [requireRole('admin')] as const,
        responseDescription: 'Created',
        responses: { ...errorResponses },
      }),
      async (c) => c.json(await webhooks.createWebhook(c.get('services'), c.req.valid('query').environment, c.req.valid('json'), principalOf(c)), 201),
    )
    .openapi(
      route(webhooksApi.update, {
        summary: 'Change the URL, description or events, or pause and resume',
        middleware: [requireRole('admin')] as const,
        responseDescription: 'Updated',
        responses: { ...errorResponses },
      }),
      async (c) => c.json(await webhooks.updateWebhook(c.get('services'), c.req.valid('param').id, c.req.valid('json'), principalOf(c)), 200),
    )
    .openapi(
      route(webhooksApi.remove, {
        summary: 'Delete a webhook and its delivery log',
        middleware: [requireRole('admin')] as const,
        responseDescription: 'Done',
        responses: { ...errorResponses },
      }),
      async (c) => {
        await webhooks.deleteWebhook(c.get('services'), c.req.valid('param').id, principalOf(c));
        return c.body(null, 204);
      },
    )
    .openapi(
      route(webhooksApi.rotateSecret, {
        summary: 'Replace the signing secret; the new one is shown only in this answer',
        middleware: [requireRole('admin')] as const,
        responseDescription: 'Rotated',
        responses: { ...errorResponses },
      }),
      async (c) => c.json(await webhooks.rotateWebhookSecret(c.get('services'), c.req.valid('param').id, principalOf(c)), 200),
    )
    .openapi(
      route(webhooksApi.sendTest, {
        summary: 'Queue a webhook.test delivery to this webhook',
        middleware: [requireRole('admin')] as const,
        responseDescription: 'Queued',
        responses: { ...errorResponses },
      }),
      async (c) => c.json(await webhooks.sendTestDelivery(c.get('services'), c.req.valid('param').id, principalOf(c)), 202),
    )
    .openapi(
      route(webhooksApi.deliveries, {
        summary: "A webhook's delivery log, newest first (the last 200)",
        middleware: [requireRole('admin')] as const,
        responseDescription: 'Deliveries',
        responses: { ...errorResponses },
      }),
      async (c) => c.json({ deliveries: await webhooks.listDeliveries(c.get('services'), c.req.valid('param').id) }, 200),
    )
    .openapi(
      route(webhooksApi.retryDelivery, {
        summary: 'Send a delivery again now',
        middleware: [requireRole('admin')] as const,
        responseDescription: 'Queued again',
        responses: { ...errorResponses },
      }),
      async (c) => c.json(await webhooks.retryDelivery(c.get('services'), c.req.valid('param').id, principalOf(c)), 202),
    );
}
