import { createRoute } from '@hono/zod-openapi';
import { usageSchema, withWarnings } from '../../../shared/contract/usage';
import { updateMetricWithWarnings } from '../usage/impact-writes';
import { metricUsage } from '../usage/usage-service';
import type { Context } from 'hono';
import { idParamsSchema } from '../../../shared/contract/common';
import { createMetricBodySchema, listMetricsQuerySchema, metricListSchema, metricSchema, updateMetricBodySchema } from '../../../shared/contract/metrics';
import { principalOf, requireRole } from '../../http/auth-middleware';
import type { AppEnv } from '../../http/env';
import { createRouter, errorResponses, jsonBody, jsonContent } from '../../http/openapi';
import { actorOf } from '../audit/audit-service';
import * as metrics from './metrics-service';

const tags = ['Metrics'];
const actor = async (c: Context<AppEnv>) => actorOf(c.get('services').store, principalOf(c));
const keyTaken409 = { 409: { ...errorResponses[400], description: 'The key is taken (field error on `key`)' } };
const stale409 = {
  409: { ...errorResponses[400], description: 'The metric changed since `expectedVersion` (`current` holds it), or a live experiment still measures it' },
};

export function metricsRoutes() {
  return createRouter()
    .openapi(
      createRoute({
        method: 'get', path: '/', tags, summary: 'List metrics (active by default, or archived), by name',
        middleware: [requireRole('viewer')] as const,
        request: { query: listMetricsQuerySchema },
        responses: { 200: jsonContent(metricListSchema, 'Metrics'), ...errorResponses },
      }),
      async (c) => c.json({ items: await metrics.listMetrics(c.get('services'), c.req.valid('query').archived === 'true') }, 200),
    )
    .openapi(
      createRoute({
        method: 'post', path: '/', tags, summary: 'Define a metric: conversion, count, sum, mean or ratio of events',
        middleware: [requireRole('editor')] as const,
        request: { body: jsonBody(createMetricBodySchema) },
        responses: { 201: jsonContent(metricSchema, 'Created'), ...errorResponses, ...keyTaken409 },
      }),
      async (c) => c.json(await metrics.createMetric(c.get('services'), c.req.valid('json'), await actor(c)), 201),
    )
    .openapi(
      createRoute({
        method: 'get', path: '/{id}', tags, summary: 'One metric',
        middleware: [requireRole('viewer')] as const,
        request: { params: idParamsSchema },
        responses: { 200: jsonContent(metricSchema, 'Metric'), 404: { ...errorResponses[400], description: 'No such metric' }, ...errorResponses },
      }),
      async (c) => c.json(await metrics.getMetric(c.get('services'), c.req.valid('param').id), 200),
    )
    .openapi(
      createRoute({
        method: 'get', path: '/{id}/usage', tags, summary: 'Where this metric is used: experiments (live or not), targeting rules, other segments',
        middleware: [requireRole('viewer')] as const,
        request: { params: idParamsSchema },
        responses: { 200: jsonContent(usageSchema, 'Usage'), ...errorResponses },
      }),
      async (c) => {
        const services = c.get('services');
        return c.json(await metricUsage(services.store, await metrics.getMetric(services, c.req.valid('param').id)), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'patch', path: '/{id}', tags, summary: 'Change, archive (`archived: true`) or restore a metric; 409 when expectedVersion is stale',
        middleware: [requireRole('editor')] as const,
        request: { params: idParamsSchema, body: jsonBody(updateMetricBodySchema) },
        responses: { 200: jsonContent(withWarnings(metricSchema), 'Saved, with the live experiments it changed'), ...errorResponses, ...stale409 },
      }),
      async (c) => c.json(await updateMetricWithWarnings(c.get('services'), c.req.valid('param').id, c.req.valid('json'), await actor(c)), 200),
    );
}
