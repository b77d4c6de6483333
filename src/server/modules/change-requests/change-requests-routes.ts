import type { Context } from 'hono';
import { calendarApi, changeRequestsApi, type ChangeRequestAction } from '../../../shared/contract/endpoints/change-requests';
import { principalOf, requireRole } from '../../http/auth-middleware';
import { endpointRoutes } from '../../http/endpoint-route';
import type { AppEnv } from '../../http/env';
import { createRouter, errorResponses } from '../../http/openapi';
import { actorOf } from '../audit/audit-service';
import { resolveEnvironment } from '../environments/environments-service';
import { calendar } from './calendar-service';
import * as requests from './change-requests-service';
import { publishChangeRequest } from './publishing';

const tags = ['Change requests'];
const route = endpointRoutes('/api/change-requests', { tags });
const calendarRoute = endpointRoutes('/api/calendar', { tags });
const conflictResponse = { 409: { ...errorResponses[400], description: 'Stale version, not approved yet, or parameters changed since the draft (`conflicts`)' } };

/** The caller as change requests need it: audit name, the person behind it, admin or not. */
export async function callerOf(c: Context<AppEnv>): Promise<requests.Caller> {
  const principal = principalOf(c);
  const actor = await actorOf(c.get('services').store, principal);
  return { actor, personId: principal.kind === 'user' ? principal.userId : principal.createdBy, isAdmin: principal.role === 'admin' };
}

/** POST /{id}/<action>: one action on a change request. */
const one = <const A extends ChangeRequestAction>(action: A, summary: string, role: 'viewer' | 'editor') =>
  route(changeRequestsApi[action], {
    summary,
    middleware: [requireRole(role)] as const,
    responseDescription: 'The change request',
    responses: { ...errorResponses, ...conflictResponse },
  });

export function changeRequestsRoutes() {
  return createRouter()
    .openapi(
      route(changeRequestsApi.list, {
        summary: 'Change requests, newest first',
        middleware: [requireRole('viewer')] as const,
        responseDescription: 'Change requests',
        responses: { ...errorResponses },
      }),
      async (c) => {
        const { store } = c.get('services');
        const { environment, status } = c.req.valid('query');
        const environmentId = environment ? (await resolveEnvironment(store, environment)).id : undefined;
        // The environments once for the whole list, not once per request.
        const environments = new Map((await store.environments.list()).map((e) => [e.id, e]));
        const items = (await store.changeRequests.list({ environmentId, status })).map((r) => ({ ...r, approved: requests.isApproved(r, environments.get(r.environmentId)!) }));
        return c.json({ items }, 200);
      },
    )
    .openapi(
      route(changeRequestsApi.create, {
        summary: 'Propose changes to parameters in one environment',
        middleware: [requireRole('editor')] as const,
        responseDescription: 'Created',
        responses: { ...errorResponses, ...conflictResponse },
      }),
      async (c) => c.json(await requests.createChangeRequest(c.get('services'), c.req.valid('json'), await callerOf(c)), 201),
    )
    .openapi(
      route(changeRequestsApi.get, {
        summary: 'One change request',
        middleware: [requireRole('viewer')] as const,
        responseDescription: 'The change request',
        responses: { ...errorResponses },
      }),
      async (c) => {
        const { store } = c.get('services');
        return c.json(await requests.view(store, await requests.getChangeRequest(store, c.req.valid('param').id)), 200);
      },
    )
    .openapi(
      route(changeRequestsApi.update, {
        summary: 'Edit the draft (a new revision: earlier approvals no longer count)',
        middleware: [requireRole('editor')] as const,
        responseDescription: 'Saved',
        responses: { ...errorResponses, ...conflictResponse },
      }),
      async (c) => c.json(await requests.updateChangeRequest(c.get('services'), c.req.valid('param').id, c.req.valid('json'), await callerOf(c)), 200),
    )
    .openapi(one('reviews', 'Approve or ask for changes (never your own request)', 'editor'), async (c) => {
      const { expectedVersion, verdict, comment } = c.req.valid('json');
      return c.json(await requests.reviewChangeRequest(c.get('services'), c.req.valid('param').id, expectedVersion, verdict, comment, await callerOf(c)), 200);
    })
    .openapi(one('comments', 'Add a comment to the thread', 'viewer'), async (c) =>
      c.json(await requests.commentOnChangeRequest(c.get('services'), c.req.valid('param').id, c.req.valid('json').body, await callerOf(c)), 200),
    )
    .openapi(one('publish', 'Publish every change at once (admins may bypass approval with a reason)', 'editor'), async (c) => {
      const { expectedVersion, bypassReason } = c.req.valid('json');
      return c.json(await publishChangeRequest(c.get('services'), c.req.valid('param').id, expectedVersion, bypassReason, await callerOf(c)), 200);
    })
    .openapi(one('schedule', 'Schedule the publish (or take the schedule off with null)', 'editor'), async (c) => {
      const { expectedVersion, publishAt } = c.req.valid('json');
      return c.json(await requests.scheduleChangeRequest(c.get('services'), c.req.valid('param').id, expectedVersion, publishAt, await callerOf(c)), 200);
    })
    .openapi(one('rebase', 'Rebase on the parameters as they are now', 'editor'), async (c) =>
      c.json(await requests.rebaseChangeRequest(c.get('services'), c.req.valid('param').id, c.req.valid('json').expectedVersion, await callerOf(c)), 200),
    )
    .openapi(one('discard', 'Discard the change request', 'editor'), async (c) =>
      c.json(await requests.discardChangeRequest(c.get('services'), c.req.valid('param').id, c.req.valid('json').expectedVersion, await callerOf(c)), 200),
    );
}

export function calendarRoutes() {
  return createRouter().openapi(
    calendarRoute(calendarApi.get, {
      summary: 'Scheduled publishes and experiment starts and ends',
      middleware: [requireRole('viewer')] as const,
      responseDescription: 'Calendar entries by time',
      responses: { ...errorResponses },
    }),
    async (c) => c.json({ items: await calendar(c.get('services').store, c.req.valid('query')) }, 200),
  );
}
