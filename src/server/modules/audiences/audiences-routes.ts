import { audiencesApi } from '../../../shared/contract/endpoints/audiences';
import { resolveEnvironment } from '../environments/environments-service';
import { evaluateAll } from '../../../shared/evaluation';
import type { AttributeKind } from '../../../shared/targeting';
import { notFound } from '../../lib/errors';
import { requireRole } from '../../http/auth-middleware';
import { endpointRoutes } from '../../http/endpoint-route';
import { createRouter, errorResponses } from '../../http/openapi';
import { dropSentBehaviour, withBehaviour } from '../behaviour/behaviour-context';

/** Attributes most apps send; offered in the builder before any app has sent them. */
const DECLARED_ATTRIBUTES: { name: string; kinds: AttributeKind[] }[] = [
  { name: 'targetingKey', kinds: ['text'] },
  { name: 'country', kinds: ['text'] },
  { name: 'platform', kinds: ['text'] },
  { name: 'appVersion', kinds: ['version'] },
  { name: 'language', kinds: ['text'] },
  { name: 'premium', kinds: ['boolean'] },
];

/** Mounted at /api itself: /api/attributes, /api/known-users and /api/preview. */
const route = endpointRoutes('/api', { tags: ['Audiences'] });

export function audiencesRoutes() {
  return createRouter()
    .openapi(
      route(audiencesApi.attributes, {
        summary: 'Attributes apps sent (with their observed kinds) plus declared ones',
        middleware: [requireRole('viewer')] as const,
        responseDescription: 'Attributes',
        responses: { ...errorResponses },
      }),
      async (c) => {
        const observed = await c.get('services').store.observedAttributes.list();
        const byName = new Map(observed.map((a) => [a.name, { name: a.name, kinds: a.kinds as AttributeKind[], declared: false, lastSeenAt: a.lastSeenAt as string | null }]));
        for (const declared of DECLARED_ATTRIBUTES) {
          const known = byName.get(declared.name);
          byName.set(declared.name, known ? { ...known, declared: true } : { ...declared, declared: true, lastSeenAt: null });
        }
        return c.json({ items: [...byName.values()].sort((a, b) => a.name.localeCompare(b.name)) }, 200);
      },
    )
    .openapi(
      route(audiencesApi.knownUsers, {
        summary: 'Known users, most recently seen first',
        middleware: [requireRole('viewer')] as const,
        responseDescription: 'Users',
        responses: { ...errorResponses },
      }),
      async (c) => {
        const { search, limit, environment } = c.req.valid('query');
        const { store } = c.get('services');
        const environmentId = (await resolveEnvironment(store, environment)).id;
        return c.json({ items: await store.knownUsers.search(environmentId, search?.trim() || undefined, limit) }, 200);
      },
    )
    .openapi(
      route(audiencesApi.knownUser, {
        summary: "A known user's latest attributes",
        middleware: [requireRole('viewer')] as const,
        responseDescription: 'User',
        responses: { ...errorResponses },
      }),
      async (c) => {
        const { store } = c.get('services');
        const environmentId = (await resolveEnvironment(store, c.req.valid('query').environment)).id;
        const user = await store.knownUsers.get(environmentId, c.req.valid('param').targetingKey);
        if (!user) throw notFound('No app has evaluated values for this user yet');
        return c.json(user, 200);
      },
    )
    .openapi(
      route(audiencesApi.preview, {
        summary: 'Every parameter for a context, with the trace of why',
        middleware: [requireRole('viewer')] as const,
        responseDescription: 'Values and traces',
        responses: { ...errorResponses },
      }),
      async (c) => {
        const context = { ...c.req.valid('json').context } as { targetingKey: string };
        dropSentBehaviour(context);
        const services = c.get('services');
        const environmentId = (await resolveEnvironment(services.store, c.req.valid('query').environment)).id;
        const config = await services.configs.get(environmentId);
        const rules = config.behaviourRules;
        const results = evaluateAll(config, withBehaviour(services, environmentId, context, rules), { trace: true }).map(({ key, value, variant, reason, trace }) => ({ key, value, variant, reason, trace }));
        const behaviour = rules.length === 0 ? undefined : services.behaviour.explain(environmentId, context.targetingKey, rules, services.clock.now());
        return c.json({ configVersion: config.version, results, ...(behaviour && { behaviour }) }, 200);
      },
    );
}
