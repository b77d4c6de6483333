import type { Context } from 'hono';
import { rolloutsApi } from '../../../shared/contract/endpoints/rollouts';
import { principalOf, requireRole } from '../../http/auth-middleware';
import type { AppEnv } from '../../http/env';
import { endpointRoutes } from '../../http/endpoint-route';
import { createRouter, errorResponses } from '../../http/openapi';
import { actorOf } from '../audit/audit-service';
import type { WriteApproval } from '../environments/approval-guard';
import { promoteGuarded } from './guarded-promotion';
import { actOnRollout } from './rollout-actions';
import { checkRolloutNow } from './rollout-monitor';
import { createRollout, getRollout, listRollouts } from './rollouts-service';

const tags = ['Rollouts'];
const route = endpointRoutes('/api/rollouts', { tags });
const actor = async (c: Context<AppEnv>) => actorOf(c.get('services').store, principalOf(c));
const approvalOf = (c: Context<AppEnv>, bypassReason?: string): WriteApproval => ({ isAdmin: principalOf(c).role === 'admin', bypassReason });
const conflict409 = {
  409: { ...errorResponses[400], description: 'Stale expectedVersion, not allowed in the current status, a parameter already in a running experiment or rollout, or approval required' },
};

export function rolloutsRoutes() {
  return createRouter()
    .openapi(
      route(rolloutsApi.list, {
        summary: 'Guarded rollouts, newest first (one environment, a status, or those changing a parameter)',
        middleware: [requireRole('viewer')] as const,
        responseDescription: 'Rollouts',
        responses: { ...errorResponses },
      }),
      async (c) => c.json({ rollouts: await listRollouts(c.get('services'), c.req.valid('query')) }, 200),
    )
    .openapi(
      route(rolloutsApi.create, {
        summary: 'Roll out new values for an audience in steps, watched by guardrail metrics',
        middleware: [requireRole('editor')] as const,
        responseDescription: 'Started',
        responses: { ...errorResponses, ...conflict409 },
      }),
      async (c) => {
        const body = c.req.valid('json');
        return c.json(await createRollout(c.get('services'), c.req.valid('query').environment, body, await actor(c), approvalOf(c, body.bypassReason)), 201);
      },
    )
    .openapi(
      route(rolloutsApi.get, {
        summary: 'One rollout with its decision log and last check',
        middleware: [requireRole('viewer')] as const,
        responseDescription: 'Rollout',
        responses: { ...errorResponses },
      }),
      async (c) => c.json(await getRollout(c.get('services').store, c.req.valid('param').id), 200),
    )
    .openapi(
      route(rolloutsApi.act, {
        summary: 'Pause, resume, advance, roll back (with a reason), finish, or check now',
        middleware: [requireRole('editor')] as const,
        responseDescription: 'Rollout',
        responses: { ...errorResponses, ...conflict409 },
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
    endpointRoutes('/api/experiments', { tags: ['Experiments', ...tags] })(rolloutsApi.promoteGuarded, {
      summary: 'Promote the winning variant through a guarded rollout: the experiment completes and a rollout of its values starts',
      middleware: [requireRole('editor')] as const,
      responseDescription: 'Rollout started',
      responses: { ...errorResponses, ...conflict409 },
    }),
    async (c) => {
      const body = c.req.valid('json');
      return c.json(await promoteGuarded(c.get('services'), c.req.valid('param').id, body, await actor(c), approvalOf(c, body.bypassReason)), 201);
    },
  );
}
