import { z } from 'zod';
import { defineEndpoint } from '../endpoint';
import { environmentQuerySchema } from '../environments';
import { previewBodySchema, previewSchema } from '../preview';
import { knownUserListSchema, knownUserSchema, listKnownUsersQuerySchema, observedAttributeListSchema } from '../segments';

/** `?environment=`: whose known users and configuration are read (Production when left out). */
const environmentQuery = z.strictObject({ environment: environmentQuerySchema });
const knownUserParamsSchema = z.strictObject({ targetingKey: z.string().min(1).max(200) });

/** Audiences under /api: the attributes apps send, the known users they were seen with, and preview as a user. */
export const audiencesApi = {
  attributes: defineEndpoint({ method: 'GET', path: '/api/attributes', response: observedAttributeListSchema }),
  knownUsers: defineEndpoint({ method: 'GET', path: '/api/known-users', query: listKnownUsersQuerySchema, response: knownUserListSchema }),
  knownUser: defineEndpoint({ method: 'GET', path: '/api/known-users/{targetingKey}', params: knownUserParamsSchema, query: environmentQuery, response: knownUserSchema }),
  preview: defineEndpoint({ method: 'POST', path: '/api/preview', query: environmentQuery, body: previewBodySchema, response: previewSchema }),
};
