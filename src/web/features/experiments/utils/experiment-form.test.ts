import { describe, expect, it } from 'vitest';
import type { Experiment } from '../../../../shared/contract/experiments';
import { changedFields, experimentFormSchema, keyFromName, newExperimentValues, valuesOf } from './experiment-form';

const saved: Experiment = {
  ...newExperimentValues(),
  id: 'e1',
  key: 'hero',
  name: 'Hero',
  status: 'draft',
  seed: 's',
  layerRange: null,
  startedAt: null,
  endedAt: null,
  promotion: null,
  version: 2,
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
  updatedBy: null,
  variants: [
    { key: 'control', name: 'Control', weight: 50, overrides: { a: 1, b: 2 } },
    { key: 'b', name: 'B', weight: 50, overrides: {} },
  ],
};

describe('changedFields', () => {
  it('sends only what differs, ignoring the order of override keys', () => {
    const values = valuesOf(saved);
    values.variants = [{ ...values.variants[0], overrides: { b: 2, a: 1 } }, values.variants[1]];
    values.allocation = 40;
    expect(changedFields(saved, values)).toEqual({ allocation: 40 });
  });
});

describe('keyFromName', () => {
  it.each([
    ['Checkout button colour!', 'checkout-button-colour'],
    ['  Über Angebot 2  ', 'uber-angebot-2'],
    ['2025 spring sale', 'spring-sale'],
  ])('%s -> %s', (name, key) => {
    expect(keyFromName(name)).toBe(key);
  });
});

describe('experimentFormSchema', () => {
  it('reports weights that do not total 100 on `variants`', () => {
    const values = { ...newExperimentValues(), key: 'k', name: 'N' };
    values.variants = [values.variants[0], { ...values.variants[1], weight: 40 }];
    const result = experimentFormSchema.safeParse(values);
    expect(result.success).toBe(false);
    expect(result.error?.issues).toContainEqual(expect.objectContaining({ path: ['variants'], message: 'Weights must total 100% (now 90%)' }));
  });
});
