import { z } from 'zod';
import { idParamsSchema } from '../common';
import { defineEndpoint } from '../endpoint';
import { compareQuerySchema, comparisonListSchema, copyParameterBodySchema, environmentQuerySchema } from '../environments';
import {
  bulkParametersBodySchema,
  bulkResultSchema,
  createParameterBodySchema,
  importManifestBodySchema,
  importResultSchema,
  listParametersQuerySchema,
  manifestSchema,
  parameterPageSchema,
  parameterSchema,
  parameterVersionListSchema,
  requestedKeyListSchema,
  restoreParameterBodySchema,
  updateParameterBodySchema,
} from '../parameters';
import { impactWarningSchema, usageSchema } from '../usage';

/** `?environment=`: which environment's values a route reads or changes (Production when left out). */
export const environmentQuery = z.strictObject({ environment: environmentQuerySchema });

/** /api/parameters: every endpoint, read by the server's routes and the dashboard's client. */
export const parametersApi = {
  list: defineEndpoint({ method: 'GET', path: '/api/parameters', query: listParametersQuerySchema, response: parameterPageSchema }),
  create: defineEndpoint({ method: 'POST', path: '/api/parameters', query: environmentQuery, body: createParameterBodySchema, response: parameterSchema, status: 201 }),
  exportManifest: defineEndpoint({ method: 'GET', path: '/api/parameters/export', query: environmentQuery, response: manifestSchema }),
  importManifest: defineEndpoint({ method: 'POST', path: '/api/parameters/import', query: environmentQuery, body: importManifestBodySchema, response: importResultSchema }),
  requestedKeys: defineEndpoint({ method: 'GET', path: '/api/parameters/requested', response: requestedKeyListSchema }),
  bulk: defineEndpoint({ method: 'POST', path: '/api/parameters/bulk', query: environmentQuery, body: bulkParametersBodySchema, response: bulkResultSchema }),
  compare: defineEndpoint({ method: 'GET', path: '/api/parameters/compare', query: compareQuerySchema, response: comparisonListSchema }),
  get: defineEndpoint({ method: 'GET', path: '/api/parameters/{id}', params: idParamsSchema, query: environmentQuery, response: parameterSchema }),
  usage: defineEndpoint({ method: 'GET', path: '/api/parameters/{id}/usage', params: idParamsSchema, query: environmentQuery, response: usageSchema }),
  update: defineEndpoint({
    method: 'PATCH',
    path: '/api/parameters/{id}',
    params: idParamsSchema,
    query: environmentQuery,
    body: updateParameterBodySchema,
    // Spelled out rather than withWarnings(), whose generic loses the parameter's fields.
    response: parameterSchema.extend({ warnings: z.array(impactWarningSchema) }),
  }),
  copy: defineEndpoint({ method: 'POST', path: '/api/parameters/{id}/copy', params: idParamsSchema, body: copyParameterBodySchema, response: parameterSchema }),
  versions: defineEndpoint({ method: 'GET', path: '/api/parameters/{id}/versions', params: idParamsSchema, query: environmentQuery, response: parameterVersionListSchema }),
  restore: defineEndpoint({
    method: 'POST',
    path: '/api/parameters/{id}/restore',
    params: idParamsSchema,
    query: environmentQuery,
    body: restoreParameterBodySchema,
    response: parameterSchema,
  }),
};
