import { z } from 'zod';
import { idParamsSchema } from '../common';
import { defineEndpoint } from '../endpoint';
import { createMetricBodySchema, listMetricsQuerySchema, metricListSchema, metricSchema, updateMetricBodySchema } from '../metrics';
import { impactWarningSchema, usageSchema } from '../usage';

/** /api/metrics. */
export const metricsApi = {
  list: defineEndpoint({ method: 'GET', path: '/api/metrics', query: listMetricsQuerySchema, response: metricListSchema }),
  create: defineEndpoint({ method: 'POST', path: '/api/metrics', body: createMetricBodySchema, response: metricSchema, status: 201 }),
  get: defineEndpoint({ method: 'GET', path: '/api/metrics/{id}', params: idParamsSchema, response: metricSchema }),
  usage: defineEndpoint({ method: 'GET', path: '/api/metrics/{id}/usage', params: idParamsSchema, response: usageSchema }),
  update: defineEndpoint({
    method: 'PATCH',
    path: '/api/metrics/{id}',
    params: idParamsSchema,
    body: updateMetricBodySchema,
    // Spelled out rather than withWarnings(), whose generic loses the metric's fields.
    response: metricSchema.extend({ warnings: z.array(impactWarningSchema) }),
  }),
};
