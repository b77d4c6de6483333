import { metricsApi } from '../../../shared/contract/endpoints/metrics';
import { updateMetricWithWarnings } from '../usage/impact-writes';
import { metricUsage } from '../usage/usage-service';
import type { Context } from 'hono';
import { principalOf, requireRole } from '../../http/auth-middleware';
import type { AppEnv } from '../../http/env';
import { endpointRoutes } from '../../http/endpoint-route';
import { createRouter, errorResponses } from '../../http/openapi';
import { actorOf } from '../audit/audit-service';
import * as metrics from './metrics-service';

const route = endpointRoutes('/api/metrics', { tags: ['Metrics'] });
const actor = async (c: Context<AppEnv>) => actorOf(c.get('services').store, principalOf(c));
const keyTaken409 = { 409: { ...errorResponses[400], description: 'The key is taken (field error on `key`)' } };
const stale409 = {
  409: { ...errorResponses[400], description: 'The metric changed since `expectedVersion` (`current` holds it), or a live experiment still measures it' },
};

export function metricsRoutes() {
  return createRouter()
    .openapi(
      route(metricsApi.list, {
        summary: 'List metrics (active by default, or archived), by name',
        middleware: [requireRole('viewer')] as const,
        responseDescription: 'Metrics',
        responses: { ...errorResponses },
      }),
      async (c) => c.json({ items: await metrics.listMetrics(c.get('services'), c.req.valid('query').archived === 'true') }, 200),
    )
    .openapi(
      route(metricsApi.create, {
        summary: 'Define a metric: conversion, count, sum, mean or ratio of events',
        middleware: [requireRole('editor')] as const,
        responseDescription: 'Created',
        responses: { ...errorResponses, ...keyTaken409 },
      }),
      async (c) => c.json(await metrics.createMetric(c.get('services'), c.req.valid('json'), await actor(c)), 201),
    )
    .openapi(
      route(metricsApi.get, {
        summary: 'One metric',
        middleware: [requireRole('viewer')] as const,
        responseDescription: 'Metric',
        responses: { 404: { ...errorResponses[400], description: 'No such metric' }, ...errorResponses },
      }),
      async (c) => c.json(await metrics.getMetric(c.get('services'), c.req.valid('param').id), 200),
    )
    .openapi(
      route(metricsApi.usage, {
        summary: 'Where this metric is used: experiments (live or not), targeting rules, other segments',
        middleware: [requireRole('viewer')] as const,
        responseDescription: 'Usage',
        responses: { ...errorResponses },
      }),
      async (c) => {
        const services = c.get('services');
        return c.json(await metricUsage(services.store, await metrics.getMetric(services, c.req.valid('param').id)), 200);
      },
    )
    .openapi(
      route(metricsApi.update, {
        summary: 'Change, archive (`archived: true`) or restore a metric; 409 when expectedVersion is stale',
        middleware: [requireRole('editor')] as const,
        responseDescription: 'Saved, with the live experiments it changed',
        responses: { ...errorResponses, ...stale409 },
      }),
      async (c) => c.json(await updateMetricWithWarnings(c.get('services'), c.req.valid('param').id, c.req.valid('json'), await actor(c)), 200),
    );
}
