import type { Context } from 'hono';
import { experimentsApi } from '../../../shared/contract/endpoints/experiments';
import { principalOf, requireRole } from '../../http/auth-middleware';
import { endpointRoutes } from '../../http/endpoint-route';
import type { AppEnv } from '../../http/env';
import { createRouter, errorResponses } from '../../http/openapi';
import { actorOf } from '../audit/audit-service';
import * as experiments from './experiments-service';
import { promotionCheck } from './promotion-check';
import { promoteWinner, undoPromotion } from './promotion-service';
import { reviewExperiment } from './review-service';

const route = endpointRoutes('/api/experiments', { tags: ['Experiments'] });
const actor = async (c: Context<AppEnv>) => actorOf(c.get('services').store, principalOf(c));
const conflict409 = { 409: { ...errorResponses[400], description: 'Stale expectedVersion, or not allowed in the current status' } };

export function experimentsRoutes() {
  return createRouter()
    .openapi(
      route(experimentsApi.list, {
        summary: 'List experiments, newest first',
        middleware: [requireRole('viewer')] as const,
        responseDescription: 'Experiments',
        responses: { ...errorResponses },
      }),
      async (c) => c.json({ items: await experiments.listExperiments(c.get('services'), c.req.valid('query')) }, 200),
    )
    .openapi(
      route(experimentsApi.create, {
        summary: 'Create a draft experiment',
        middleware: [requireRole('editor')] as const,
        responseDescription: 'Created',
        responses: { ...errorResponses, ...conflict409 },
      }),
      async (c) => c.json(await experiments.createExperiment(c.get('services'), c.req.valid('json'), await actor(c)), 201),
    )
    .openapi(
      route(experimentsApi.get, {
        summary: 'One experiment, by id or key',
        middleware: [requireRole('viewer')] as const,
        responseDescription: 'Experiment',
        responses: { ...errorResponses },
      }),
      async (c) => c.json(await experiments.getExperiment(c.get('services').store, c.req.valid('param').id), 200),
    )
    .openapi(
      route(experimentsApi.update, {
        summary: 'Change an experiment; once started, variants stay fixed and weight or allocation changes come back with warnings',
        middleware: [requireRole('editor')] as const,
        responseDescription: 'Saved',
        responses: { ...errorResponses, ...conflict409 },
      }),
      async (c) => c.json(await experiments.updateExperiment(c.get('services'), c.req.valid('param').id, c.req.valid('json'), await actor(c)), 200),
    )
    .openapi(
      route(experimentsApi.transition, {
        summary: 'Schedule, start, pause, resume, complete or archive',
        middleware: [requireRole('editor')] as const,
        responseDescription: 'Moved',
        responses: { ...errorResponses, ...conflict409 },
      }),
      async (c) => {
        const { action, expectedVersion, bypassReason } = c.req.valid('json');
        const approval = { isAdmin: principalOf(c).role === 'admin', bypassReason };
        return c.json(await experiments.transitionExperiment(c.get('services'), c.req.valid('param').id, action, expectedVersion, await actor(c), approval), 200);
      },
    )
    .openapi(
      route(experimentsApi.review, {
        summary: 'What blocks the start, collisions with other experiments and rules, and reach',
        middleware: [requireRole('viewer')] as const,
        responseDescription: 'Review',
        responses: { ...errorResponses },
      }),
      async (c) => c.json(await reviewExperiment(c.get('services'), c.req.valid('param').id), 200),
    )
    .openapi(
      route(experimentsApi.exposures, {
        summary: 'Exposed users per variant',
        middleware: [requireRole('viewer')] as const,
        responseDescription: 'Counts',
        responses: { ...errorResponses },
      }),
      async (c) => {
        const { store, exposures } = c.get('services');
        await exposures.flush();
        const experiment = await experiments.getExperiment(store, c.req.valid('param').id);
        return c.json({ items: await store.exposures.counts(experiment.id) }, 200);
      },
    )
    .openapi(
      route(experimentsApi.promotionCheck, {
        summary: 'Per variant: the primary and guardrail verdicts, the risks of promoting it and the phrase that accepts them',
        middleware: [requireRole('viewer')] as const,
        responseDescription: 'Check',
        responses: { ...errorResponses },
      }),
      async (c) => {
        const services = c.get('services');
        return c.json(await promotionCheck(services, await experiments.getExperiment(services.store, c.req.valid('param').id)), 200);
      },
    )
    .openapi(
      route(experimentsApi.promote, {
        summary: 'Promote the winning variant to an audience (dryRun: the plan only); writes targeting rules and completes the experiment',
        middleware: [requireRole('editor')] as const,
        responseDescription: 'Plan or result',
        responses: { ...errorResponses, ...conflict409 },
      }),
      async (c) => {
        const body = c.req.valid('json');
        const approval = { isAdmin: principalOf(c).role === 'admin', bypassReason: body.bypassReason };
        return c.json(await promoteWinner(c.get('services'), c.req.valid('param').id, body, await actor(c), approval), 200);
      },
    )
    .openapi(
      route(experimentsApi.undoPromotion, {
        summary: 'Take the promoted rules out again',
        middleware: [requireRole('editor')] as const,
        responseDescription: 'Undone',
        responses: { ...errorResponses, ...conflict409 },
      }),
      async (c) => c.json(await undoPromotion(c.get('services'), c.req.valid('param').id, c.req.valid('json').expectedVersion, await actor(c)), 200),
    );
}
