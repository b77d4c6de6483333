import { createRoute } from '@hono/zod-openapi';
import { usageSchema, withWarnings } from '../../../shared/contract/usage';
import { updateSegmentWithWarnings } from '../usage/impact-writes';
import { segmentUsage } from '../usage/usage-service';
import type { Context } from 'hono';
import { z } from 'zod';
import { idParamsSchema } from '../../../shared/contract/common';
import {
  createSegmentBodySchema,
  knownUserListSchema,
  reachBodySchema,
  reachSchema,
  segmentListSchema,
  segmentSchema,
  updateSegmentBodySchema,
} from '../../../shared/contract/segments';
import { principalOf, requireRole } from '../../http/auth-middleware';
import type { AppEnv } from '../../http/env';
import { createRouter, errorResponses, jsonBody, jsonContent, problemContent } from '../../http/openapi';
import { actorOf } from '../audit/audit-service';
import { computeReach, membersOf } from '../audiences/reach-service';
import { environmentQuerySchema } from '../../../shared/contract/environments';
import { resolveEnvironment } from '../environments/environments-service';
import * as segments from './segments-service';
import { fullDefinition } from '../../evaluation/load-segments';
import { notFound } from '../../lib/errors';

const tags = ['Segments'];
const actor = async (c: Context<AppEnv>) => actorOf(c.get('services').store, principalOf(c));
const conflict409 = { 409: { ...errorResponses[400], description: 'Stale expectedVersion, or still in use' } };
const busy429 = { 429: problemContent('Too many reach computations running or waiting in this process; Retry-After says when to try again') };

export function segmentsRoutes() {
  return createRouter()
    .openapi(
      createRoute({
        method: 'get', path: '/', tags, summary: 'List segments',
        middleware: [requireRole('viewer')] as const,
        request: { query: z.strictObject({ archived: z.enum(['true', 'false']).default('false') }) },
        responses: { 200: jsonContent(segmentListSchema, 'Segments'), ...errorResponses },
      }),
      async (c) => c.json({ items: await segments.listSegments(c.get('services'), c.req.valid('query').archived === 'true') }, 200),
    )
    .openapi(
      createRoute({
        method: 'post', path: '/', tags, summary: 'Create a segment: visual rules, a condition, an id list (up to 100,000) or a combination',
        middleware: [requireRole('editor')] as const,
        request: { body: jsonBody(createSegmentBodySchema) },
        responses: { 201: jsonContent(segmentSchema, 'Created'), ...errorResponses },
      }),
      async (c) => c.json(await segments.createSegment(c.get('services'), c.req.valid('json'), await actor(c)), 201),
    )
    .openapi(
      createRoute({
        method: 'post', path: '/reach', tags, summary: 'How many known users (seen in the last 30 days) a definition matches',
        middleware: [requireRole('viewer')] as const,
        request: { query: z.strictObject({ environment: environmentQuerySchema }), body: jsonBody(reachBodySchema) },
        responses: { 200: jsonContent(reachSchema, 'Reach'), ...errorResponses, ...busy429 },
      }),
      async (c) => {
        const services = c.get('services');
        const environment = await resolveEnvironment(services.store, c.req.valid('query').environment);
        // The builder asks again on every change: a caller that went away stops its count at the next slice.
        return c.json(await computeReach(services, services.userSample, c.req.valid('json').definition, { signal: c.req.raw.signal, environmentId: environment.id }), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get', path: '/{id}', tags, summary: 'One segment',
        middleware: [requireRole('viewer')] as const,
        request: { params: idParamsSchema },
        responses: { 200: jsonContent(segmentSchema, 'Segment'), ...errorResponses },
      }),
      async (c) => c.json(await segments.getSegment(c.get('services'), c.req.valid('param').id), 200),
    )
    .openapi(
      createRoute({
        method: 'get', path: '/{id}/usage', tags, summary: 'Where this segment is used: experiments (live or not), targeting rules, other segments',
        middleware: [requireRole('viewer')] as const,
        request: { params: idParamsSchema },
        responses: { 200: jsonContent(usageSchema, 'Usage'), ...errorResponses },
      }),
      async (c) => {
        const services = c.get('services');
        return c.json(await segmentUsage(services.store, (await segments.getSegment(services, c.req.valid('param').id)).id), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'patch', path: '/{id}', tags, summary: 'Change a segment; 409 when expectedVersion is stale',
        middleware: [requireRole('editor')] as const,
        request: { params: idParamsSchema, body: jsonBody(updateSegmentBodySchema) },
        responses: { 200: jsonContent(withWarnings(segmentSchema), 'Saved, with the live experiments it changed'), ...errorResponses, ...conflict409 },
      }),
      async (c) => c.json(await updateSegmentWithWarnings(c.get('services'), c.req.valid('param').id, c.req.valid('json'), await actor(c)), 200),
    )
    .openapi(
      createRoute({
        method: 'post', path: '/{id}/duplicate', tags, summary: 'Copy a segment',
        middleware: [requireRole('editor')] as const,
        request: { params: idParamsSchema },
        responses: { 201: jsonContent(segmentSchema, 'The copy'), ...errorResponses },
      }),
      async (c) => c.json(await segments.duplicateSegment(c.get('services'), c.req.valid('param').id, await actor(c)), 201),
    )
    .openapi(
      createRoute({
        method: 'post', path: '/{id}/archive', tags, summary: 'Archive a segment (refused while something uses it)',
        middleware: [requireRole('editor')] as const,
        request: { params: idParamsSchema },
        responses: { 200: jsonContent(segmentSchema, 'Archived'), ...errorResponses, ...conflict409 },
      }),
      async (c) => c.json(await segments.setArchived(c.get('services'), c.req.valid('param').id, true, await actor(c)), 200),
    )
    .openapi(
      createRoute({
        method: 'post', path: '/{id}/unarchive', tags, summary: 'Bring an archived segment back',
        middleware: [requireRole('editor')] as const,
        request: { params: idParamsSchema },
        responses: { 200: jsonContent(segmentSchema, 'Active again'), ...errorResponses },
      }),
      async (c) => c.json(await segments.setArchived(c.get('services'), c.req.valid('param').id, false, await actor(c)), 200),
    )
    .openapi(
      createRoute({
        method: 'get', path: '/{id}/members', tags, summary: 'A sample of known users in the segment ("who is in it")',
        middleware: [requireRole('viewer')] as const,
        request: { params: idParamsSchema, query: z.strictObject({ limit: z.coerce.number().int().min(1).max(200).default(20), environment: environmentQuerySchema }) },
        responses: { 200: jsonContent(knownUserListSchema, 'Members'), ...errorResponses, ...busy429 },
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
