import { createExperimentBodySchema } from '../../shared/contract/experiments';
import { createMetricBodySchema } from '../../shared/contract/metrics';
import { systemActor } from '../modules/audit/audit-service';
import { createExperiment, transitionExperiment } from '../modules/experiments/experiments-service';
import { createMetric } from '../modules/metrics/metrics-service';
import { createSdkKey } from '../modules/sdk-keys/sdk-keys-service';
import type { Services } from '../services';
import type { FetchFunction } from './simulate-client';
import { runSimulation, type SimulationProgress } from './simulator';

const DAYS = 14;

/**
 * The demo's checkout-button experiment (`npm run demo`, and the results page benchmark): three
 * metrics, a green control against an orange `button_colour` (which must exist), started, then
 * `users` simulated users over 14 days through the real endpoints at `url`; the orange button
 * converts a little better. `fetch` carries the requests (default: over HTTP to `url`; the browser
 * mock passes its in-page app).
 */
export async function runDemoExperiment(services: Services, url: string, users: number, seed: string, progress?: (p: SimulationProgress) => void, fetch?: FetchFunction) {
  const actor = systemActor;
  const metric = async (body: object) => createMetric(services, createMetricBodySchema.parse(body), actor);
  const conversion = await metric({ key: 'purchase-conversion', name: 'Purchase conversion', kind: 'conversion', event: 'purchase', windowHours: 72 });
  const revenue = await metric({ key: 'revenue-per-user', name: 'Revenue per user', kind: 'sum', event: 'purchase' });
  const addToCart = await metric({ key: 'add-to-cart', name: 'Add to cart', kind: 'conversion', event: 'add_to_cart' });
  const experiment = await createExperiment(services, createExperimentBodySchema.parse({
    key: 'checkout-button', name: 'Orange checkout button', hypothesis: 'A brighter buy button gets more purchases', owner: 'Growth team', tags: ['checkout'],
    variants: [
      { key: 'control', name: 'Green (current)', weight: 50, overrides: {} },
      { key: 'orange', name: 'Orange', weight: 50, overrides: { button_colour: '#E8590C' } },
    ],
    metrics: { primary: conversion.id, secondary: [revenue.id, addToCart.id], guardrails: [] },
  }), actor);
  // Started as long ago as its simulated traffic goes back: results count only exposures from
  // the start (results-service resolveRange), so a start of "now" would show none of them.
  const startedDaysAgo = { ...services, clock: { now: () => new Date(Date.now() - DAYS * 86_400_000) } };
  await transitionExperiment(startedDaysAgo, experiment.id, 'start', experiment.version, actor);
  const serverKey = await createSdkKey(services, { name: 'Traffic simulator', kind: 'server', allowEvents: true }, actor);
  const simulated = await runSimulation({
    url, experiment: 'checkout-button', users, days: DAYS, sdkKey: serverKey.secret, events: ['purchase', 'add_to_cart'],
    rates: new Map([['purchase:control', 0.1], ['purchase:orange', 0.125], ['add_to_cart:control', 0.3], ['add_to_cart:orange', 0.31]]),
    values: new Map([['purchase:control', 42], ['purchase:orange', 43]]),
    skew: new Map(), seed, concurrency: 8, batchSize: 500, fetch,
  }, progress);
  await services.exposures.flush();
  return { experiment, serverKey, simulated };
}
