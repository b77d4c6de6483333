import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { z } from 'zod';
import { idParamsSchema } from '../../../shared/contract/common';
import { experimentKeyParamsSchema } from '../../../shared/contract/experiments';
import {
  createRolloutBodySchema,
  guardedPromoteBodySchema,
  rolloutActionBodySchema,
  rolloutActions,
  rolloutListSchema,
  rolloutSchema,
  rolloutStatusSchema,
} from '../../../shared/contract/rollouts';
import { principalOf, requireRole } from '../../http/auth-middleware';
import type { AppEnv } from '../../http/env';
import { createRouter, errorResponses, jsonBody, jsonContent } from '../../http/openapi';
import { actorOf } from '../audit/audit-service';
import type { WriteApproval } from '../environments/approval-guard';
import { promoteGuarded } from './guarded-promotion';
import { actOnRollout } from './rollout-actions';
import { checkRolloutNow } from './rollout-monitor';
import { createRollout, getRollout, listRollouts } from './rollouts-service';

const tags = ['Rollouts'];
const actor = async (c: Context<AppEnv>) => actorOf(c.get('services').store, principalOf(c));
const approvalOf = (c: Context<AppEnv>, bypassReason?: string): WriteApproval => ({ isAdmin: principalOf(c).role === 'admin', bypassReason });
const conflict409 = {
  409: { ...errorResponses[400], description: 'Stale expectedVersion, not allowed in the current status, a parameter already in a running experiment or rollout, or approval required' },
};

const listQuerySchema = z.strictObject({
  environment: z.string().min(1).max(64).optional(),
  status: rolloutStatusSchema.optional(),
  parameterKey: z.string().min(1).max(200).optional(),
});
const environmentQuerySchema = z.strictObject({ environment: z.string().min(1).max(64).optional() });
const actionParamsSchema = z.strictObject({ id: z.string().min(1).max(64), action: z.enum(rolloutActions) });

export function rolloutsRoutes() {
  return createRouter()
    .openapi(
      createRoute({
        method: 'get', path: '/', tags, summary: 'Guarded rollouts, newest first (one environment, a status, or those changing a parameter)',
        middleware: [requireRole('viewer')] as const,
        request: { query: listQuerySchema },
        responses: { 200: jsonContent(rolloutListSchema, 'Rollouts'), ...errorResponses },
      }),
      async (c) => c.json({ rollouts: await listRollouts(c.get('services'), c.req.valid('query')) }, 200),
    )
    .openapi(
      createRoute({
        method: 'post', path: '/', tags, summary: 'Roll out new values for an audience in steps, watched by guardrail metrics',
        middleware: [requireRole('editor')] as const,
        request: { query: environmentQuerySchema, body: jsonBody(createRolloutBodySchema) },
        responses: { 201: jsonContent(rolloutSchema, 'Started'), ...errorResponses, ...conflict409 },
      }),
      async (c) => {
        const body = c.req.valid('json');
        return c.json(await createRollout(c.get('services'), c.req.valid('query').environment, body, await actor(c), approvalOf(c, body.bypassReason)), 201);
      },
    )
    .openapi(
      createRoute({
        method: 'get', path: '/{id}', tags, summary: 'One rollout with its decision log and last check',
        middleware: [requireRole('viewer')] as const,
        request: { params: idParamsSchema },
        responses: { 200: jsonContent(rolloutSchema, 'Rollout'), ...errorResponses },
      }),
      async (c) => c.json(await getRollout(c.get('services').store, c.req.valid('param').id), 200),
    )
    .openapi(
      createRoute({
        method: 'post', path: '/{id}/actions/{action}', tags,
        summary: 'Pause, resume, advance, roll back (with a reason), finish, or check now',
        middleware: [requireRole('editor')] as const,
        request: { params: actionParamsSchema, body: jsonBody(rolloutActionBodySchema) },
        responses: { 200: jsonContent(rolloutSchema, 'Rollout'), ...errorResponses, ...conflict409 },
      }),
      async (c) => {
        const { id, action } = c.req.valid('param');
        const body = c.req.valid('json');
        const services = c.get('services');
        if (action === 'check') return c.json(await checkRolloutNow(services, id, body.expectedVersion, await actor(c)), 200);
        return c.json(await actOnRollout(services, id, action, body, await actor(c)), 200);
      },
    );
}

/** POST /api/experiments/{id}/promote/guarded: mounted beside the experiments' routes. */
export function guardedPromotionRoutes() {
  return createRouter().openapi(
    createRoute({
      method: 'post', path: '/{id}/promote/guarded', tags: ['Experiments', ...tags],
      summary: 'Promote the winning variant through a guarded rollout: the experiment completes and a rollout of its values starts',
      middleware: [requireRole('editor')] as const,
      request: { params: experimentKeyParamsSchema, body: jsonBody(guardedPromoteBodySchema) },
      responses: { 201: jsonContent(rolloutSchema, 'Rollout started'), ...errorResponses, ...conflict409 },
    }),
    async (c) => {
      const body = c.req.valid('json');
      return c.json(await promoteGuarded(c.get('services'), c.req.valid('param').id, body, await actor(c), approvalOf(c, body.bypassReason)), 201);
    },
  );
}
