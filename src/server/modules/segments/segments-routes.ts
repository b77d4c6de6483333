import type { Context } from 'hono';
import { segmentsApi } from '../../../shared/contract/endpoints/segments';
import { updateSegmentWithWarnings } from '../usage/impact-writes';
import { segmentUsage } from '../usage/usage-service';
import { principalOf, requireRole } from '../../http/auth-middleware';
import { endpointRoutes } from '../../http/endpoint-route';
import type { AppEnv } from '../../http/env';
import { createRouter, errorResponses, problemContent } from '../../http/openapi';
import { actorOf } from '../audit/audit-service';
import { computeReach, membersOf } from '../audiences/reach-service';
import { resolveEnvironment } from '../environments/environments-service';
import * as segments from './segments-service';
import { fullDefinition } from '../../evaluation/load-segments';
import { notFound } from '../../lib/errors';

const route = endpointRoutes('/api/segments', { tags: ['Segments'] });
const actor = async (c: Context<AppEnv>) => actorOf(c.get('services').store, principalOf(c));
const conflict409 = { 409: { ...errorResponses[400], description: 'Stale expectedVersion, or still in use' } };
const busy429 = { 429: problemContent('Too many reach computations running or waiting in this process; Retry-After says when to try again') };

export function segmentsRoutes() {
  return createRouter()
    .openapi(
      route(segmentsApi.list, {
        summary: 'List segments',
        middleware: [requireRole('viewer')] as const,
        responseDescription: 'Segments',
        responses: { ...errorResponses },
      }),
      async (c) => c.json({ items: await segments.listSegments(c.get('services'), c.req.valid('query').archived === 'true') }, 200),
    )
    .openapi(
      route(segmentsApi.create, {
        summary: 'Create a segment: visual rules, a condition, an id list (up to 100,000) or a combination',
        middleware: [requireRole('editor')] as const,
        responseDescription: 'Created',
        responses: { ...errorResponses },
      }),
      async (c) => c.json(await segments.createSegment(c.get('services'), c.req.valid('json'), await actor(c)), 201),
    )
    .openapi(
      route(segmentsApi.reach, {
        summary: 'How many known users (seen in the last 30 days) a definition matches',
        middleware: [requireRole('viewer')] as const,
        responseDescription: 'Reach',
        responses: { ...errorResponses, ...busy429 },
      }),
      async (c) => {
        const services = c.get('services');
        const environment = await resolveEnvironment(services.store, c.req.valid('query').environment);
        // The builder asks again on every change: a caller that went away stops its count at the next slice.
        return c.json(await computeReach(services, services.userSample, c.req.valid('json').definition, { signal: c.req.raw.signal, environmentId: environment.id }), 200);
      },
    )
    .openapi(
      route(segmentsApi.get, {
        summary: 'One segment',
        middleware: [requireRole('viewer')] as const,
        responseDescription: 'Segment',
        responses: { ...errorResponses },
      }),
      async (c) => c.json(await segments.getSegment(c.get('services'), c.req.valid('param').id), 200),
    )
    .openapi(
      route(segmentsApi.usage, {
        summary: 'Where this segment is used: experiments (live or not), targeting rules, other segments',
        middleware: [requireRole('viewer')] as const,
        responseDescription: 'Usage',
        responses: { ...errorResponses },
      }),
      async (c) => {
        const services = c.get('services');
        return c.json(await segmentUsage(services.store, (await segments.getSegment(services, c.req.valid('param').id)).id), 200);
      },
    )
    .openapi(
      route(segmentsApi.update, {
        summary: 'Change a segment; 409 when expectedVersion is stale',
        middleware: [requireRole('editor')] as const,
        responseDescription: 'Saved, with the live experiments it changed',
        responses: { ...errorResponses, ...conflict409 },
      }),
      async (c) => c.json(await updateSegmentWithWarnings(c.get('services'), c.req.valid('param').id, c.req.valid('json'), await actor(c)), 200),
    )
    .openapi(
      route(segmentsApi.duplicate, {
        summary: 'Copy a segment',
        middleware: [requireRole('editor')] as const,
        responseDescription: 'The copy',
        responses: { ...errorResponses },
      }),
      async (c) => c.json(await segments.duplicateSegment(c.get('services'), c.req.valid('param').id, await actor(c)), 201),
    )
    .openapi(
      route(segmentsApi.archive, {
        summary: 'Archive a segment (refused while something uses it)',
        middleware: [requireRole('editor')] as const,
        responseDescription: 'Archived',
        responses: { ...errorResponses, ...conflict409 },
      }),
      async (c) => c.json(await segments.setArchived(c.get('services'), c.req.valid('param').id, true, await actor(c)), 200),
    )
    .openapi(
      route(segmentsApi.unarchive, {
        summary: 'Bring an archived segment back',
        middleware: [requireRole('editor')] as const,
        responseDescription: 'Active again',
        responses: { ...errorResponses },
      }),
      async (c) => c.json(await segments.setArchived(c.get('services'), c.req.valid('param').id, false, await actor(c)), 200),
    )
    .openapi(
      route(segmentsApi.members, {
        summary: 'A sample of known users in the segment ("who is in it")',
        middleware: [requireRole('viewer')] as const,
        responseDescription: 'Members',
        responses: { ...errorResponses, ...busy429 },
      }),
      async (c) => {
        const services = c.get('services');
        const record = await services.store.segments.getById(c.req.valid('param').id);
        if (!record) throw notFound('No such segment');
        const definition = await fullDefinition(services.store, record);
        const { limit, environment } = c.req.valid('query');
        const environmentId = (await resolveEnvironment(services.store, environment)).id;
        return c.json({ items: await membersOf(services, services.userSample, definition, limit, { signal: c.req.raw.signal, environmentId }) }, 200);
      },
    );
}
