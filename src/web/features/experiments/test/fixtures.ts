import type { Experiment, ExperimentAction } from '../../../../shared/contract/experiments';
import { experimentDoc } from '../../../../server/modules/results/results-fixtures';
import type { useRealApi } from './real-api';

type Api = Awaited<ReturnType<typeof useRealApi>>;

/**
 * A whole experiment as the API answers it (the client checks answers against the contract in
 * tests): a running two-variant test of the checkout button in Production, measuring nothing yet.
 */
export function testExperiment(overrides: Partial<Experiment> = {}): Experiment {
  return experimentDoc({ key: 'checkout', metrics: { primary: null, secondary: [], guardrails: [] }, ...overrides });
}

/** A colour parameter and a two-variant experiment overriding it in variant B (a draft). */
export async function createDraftExperiment(api: Api, overrides: Record<string, unknown> = {}): Promise<Experiment> {
  await api.call('POST', '/api/parameters', { key: 'hero-color', name: 'Hero colour', spec: { type: 'color' }, defaultValue: '#1C7ED6' });
  return (await api.call('POST', '/api/experiments', {
    key: 'hero-test',
    name: 'Hero test',
    variants: [
      { key: 'control', name: 'Control', weight: 50, overrides: {} },
      { key: 'b', name: 'Variant B', weight: 50, overrides: { 'hero-color': '#2F9E44' } },
    ],
    ...overrides,
  })) as Experiment;
}

/** Applies lifecycle actions in order through the API; returns the experiment after the last. */
export async function moveThrough(api: Api, experiment: Experiment, actions: ExperimentAction[]): Promise<Experiment> {
  let current = experiment;
  for (const action of actions) {
    current = (await api.call('POST', `/api/experiments/${current.id}/transitions`, { action, expectedVersion: current.version })) as Experiment;
  }
  return current;
}
