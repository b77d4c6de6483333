import { z } from 'zod';
import { idParamsSchema } from '../common';
import { defineEndpoint } from '../endpoint';
import { environmentQuerySchema } from '../environments';
import {
  createSegmentBodySchema,
  knownUserListSchema,
  reachBodySchema,
  reachSchema,
  segmentListSchema,
  segmentSchema,
  updateSegmentBodySchema,
} from '../segments';
import { impactWarningSchema, usageSchema } from '../usage';

const listQuerySchema = z.strictObject({ archived: z.enum(['true', 'false']).default('false') });
/** `?environment=`: whose known users are counted (Production when left out); segments themselves are shared. */
const environmentQuery = z.strictObject({ environment: environmentQuerySchema });
const membersQuerySchema = z.strictObject({ limit: z.coerce.number().int().min(1).max(200).default(20), environment: environmentQuerySchema });

/** /api/segments: every endpoint, read by the server's routes and the dashboard's client. */
export const segmentsApi = {
  list: defineEndpoint({ method: 'GET', path: '/api/segments', query: listQuerySchema, response: segmentListSchema }),
  create: defineEndpoint({ method: 'POST', path: '/api/segments', body: createSegmentBodySchema, response: segmentSchema, status: 201 }),
  reach: defineEndpoint({ method: 'POST', path: '/api/segments/reach', query: environmentQuery, body: reachBodySchema, response: reachSchema }),
  get: defineEndpoint({ method: 'GET', path: '/api/segments/{id}', params: idParamsSchema, response: segmentSchema }),
  usage: defineEndpoint({ method: 'GET', path: '/api/segments/{id}/usage', params: idParamsSchema, response: usageSchema }),
  update: defineEndpoint({
    method: 'PATCH',
    path: '/api/segments/{id}',
    params: idParamsSchema,
    body: updateSegmentBodySchema,
    // Spelled out rather than withWarnings(), whose generic loses the segment's fields.
    response: segmentSchema.extend({ warnings: z.array(impactWarningSchema) }),
  }),
  duplicate: defineEndpoint({ method: 'POST', path: '/api/segments/{id}/duplicate', params: idParamsSchema, response: segmentSchema, status: 201 }),
  archive: defineEndpoint({ method: 'POST', path: '/api/segments/{id}/archive', params: idParamsSchema, response: segmentSchema }),
  unarchive: defineEndpoint({ method: 'POST', path: '/api/segments/{id}/unarchive', params: idParamsSchema, response: segmentSchema }),
  members: defineEndpoint({ method: 'GET', path: '/api/segments/{id}/members', params: idParamsSchema, query: membersQuerySchema, response: knownUserListSchema }),
};
