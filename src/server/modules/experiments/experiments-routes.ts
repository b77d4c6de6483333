import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { z } from 'zod';
import {
  createExperimentBodySchema,
  experimentKeyParamsSchema,
  experimentListSchema,
  experimentReviewSchema,
  experimentSaveResultSchema,
  experimentSchema,
  listExperimentsQuerySchema,
  promoteBodySchema,
  promotionCheckSchema,
  promotionPlanSchema,
  transitionBodySchema,
  updateExperimentBodySchema,
} from '../../../shared/contract/experiments';
import { principalOf, requireRole } from '../../http/auth-middleware';
import type { AppEnv } from '../../http/env';
import { createRouter, errorResponses, jsonBody, jsonContent } from '../../http/openapi';
import { actorOf } from '../audit/audit-service';
import * as experiments from './experiments-service';
import { promotionCheck } from './promotion-check';
import { promoteWinner, undoPromotion } from './promotion-service';
import { reviewExperiment } from './review-service';

const tags = ['Experiments'];
const actor = async (c: Context<AppEnv>) => actorOf(c.get('services').store, principalOf(c));
const conflict409 = { 409: { ...errorResponses[400], description: 'Stale expectedVersion, or not allowed in the current status' } };
const params = experimentKeyParamsSchema;

export function experimentsRoutes() {
  return createRouter()
    .openapi(
      createRoute({
        method: 'get', path: '/', tags, summary: 'List experiments, newest first',
        middleware: [requireRole('viewer')] as const,
        request: { query: listExperimentsQuerySchema },
        responses: { 200: jsonContent(experimentListSchema, 'Experiments'), ...errorResponses },
      }),
      async (c) => c.json({ items: await experiments.listExperiments(c.get('services'), c.req.valid('query')) }, 200),
    )
    .openapi(
      createRoute({
        method: 'post', path: '/', tags, summary: 'Create a draft experiment',
        middleware: [requireRole('editor')] as const,
        request: { body: jsonBody(createExperimentBodySchema) },
        responses: { 201: jsonContent(experimentSchema, 'Created'), ...errorResponses, ...conflict409 },
      }),
      async (c) => c.json(await experiments.createExperiment(c.get('services'), c.req.valid('json'), await actor(c)), 201),
    )
    .openapi(
      createRoute({
        method: 'get', path: '/{id}', tags, summary: 'One experiment, by id or key',
        middleware: [requireRole('viewer')] as const,
        request: { params },
        responses: { 200: jsonContent(experimentSchema, 'Experiment'), ...errorResponses },
      }),
      async (c) => c.json(await experiments.getExperiment(c.get('services').store, c.req.valid('param').id), 200),
    )
    .openapi(
      createRoute({
        method: 'patch', path: '/{id}', tags,
        summary: 'Change an experiment; once started, variants stay fixed and weight or allocation changes come back with warnings',
        middleware: [requireRole('editor')] as const,
        request: { params, body: jsonBody(updateExperimentBodySchema) },
        responses: { 200: jsonContent(experimentSaveResultSchema, 'Saved'), ...errorResponses, ...conflict409 },
      }),
      async (c) => c.json(await experiments.updateExperiment(c.get('services'), c.req.valid('param').id, c.req.valid('json'), await actor(c)), 200),
    )
    .openapi(
      createRoute({
        method: 'post', path: '/{id}/transitions', tags, summary: 'Schedule, start, pause, resume, complete or archive',
        middleware: [requireRole('editor')] as const,
        request: { params, body: jsonBody(transitionBodySchema) },
        responses: { 200: jsonContent(experimentSchema, 'Moved'), ...errorResponses, ...conflict409 },
      }),
      async (c) => {
        const { action, expectedVersion, bypassReason } = c.req.valid('json');
        const approval = { isAdmin: principalOf(c).role === 'admin', bypassReason };
        return c.json(await experiments.transitionExperiment(c.get('services'), c.req.valid('param').id, action, expectedVersion, await actor(c), approval), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get', path: '/{id}/review', tags, summary: 'What blocks the start, collisions with other experiments and rules, and reach',
        middleware: [requireRole('viewer')] as const,
        request: { params },
        responses: { 200: jsonContent(experimentReviewSchema, 'Review'), ...errorResponses },
      }),
      async (c) => c.json(await reviewExperiment(c.get('services'), c.req.valid('param').id), 200),
    )
    .openapi(
      createRoute({
        method: 'get', path: '/{id}/exposures', tags, summary: 'Exposed users per variant',
        middleware: [requireRole('viewer')] as const,
        request: { params },
        responses: { 200: jsonContent(z.object({ items: z.array(z.object({ variant: z.string(), users: z.number() })) }), 'Counts'), ...errorResponses },
      }),
      async (c) => {
        const { store, exposures } = c.get('services');
        await exposures.flush();
        const experiment = await experiments.getExperiment(store, c.req.valid('param').id);
        return c.json({ items: await store.exposures.counts(experiment.id) }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get', path: '/{id}/promotion-check', tags,
        summary: 'Per variant: the primary and guardrail verdicts, the risks of promoting it and the phrase that accepts them',
        middleware: [requireRole('viewer')] as const,
        request: { params },
        responses: { 200: jsonContent(promotionCheckSchema, 'Check'), ...errorResponses },
      }),
      async (c) => {
        const services = c.get('services');
        return c.json(await promotionCheck(services, await experiments.getExperiment(services.store, c.req.valid('param').id)), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post', path: '/{id}/promote', tags,
        summary: 'Promote the winning variant to an audience (dryRun: the plan only); writes targeting rules and completes the experiment',
        middleware: [requireRole('editor')] as const,
        request: { params, body: jsonBody(promoteBodySchema) },
        responses: { 200: jsonContent(promotionPlanSchema, 'Plan or result'), ...errorResponses, ...conflict409 },
      }),
      async (c) => {
        const body = c.req.valid('json');
        const approval = { isAdmin: principalOf(c).role === 'admin', bypassReason: body.bypassReason };
        return c.json(await promoteWinner(c.get('services'), c.req.valid('param').id, body, await actor(c), approval), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post', path: '/{id}/promotion/undo', tags, summary: 'Take the promoted rules out again',
        middleware: [requireRole('editor')] as const,
        request: { params, body: jsonBody(z.strictObject({ expectedVersion: z.number().int().min(1) })) },
        responses: { 200: jsonContent(experimentSchema, 'Undone'), ...errorResponses, ...conflict409 },
      }),
      async (c) => c.json(await undoPromotion(c.get('services'), c.req.valid('param').id, c.req.valid('json').expectedVersion, await actor(c)), 200),
    );
}
