import { describe, expect, it } from 'vitest';
import { overrideMessages, routeServerErrors } from './server-errors';

describe('routeServerErrors', () => {
  it('places each problem beside its input, overrides with their value editor, the rest in the summary', () => {
    const routed = routeServerErrors([
      { path: 'variants', message: 'Weights must total 100% (now 90%)' },
      { path: 'variants.1.weight', message: 'At most 100%' },
      { path: 'variants.0.overrides.hero-color', message: 'Expected a colour' },
      { path: 'tags.2', message: 'Tags cannot contain commas' },
      { path: 'audience.condition.country', message: 'Unknown operator' },
      { path: 'metrics.secondary.0', message: 'No such metric' },
      { path: 'testUsers.3', message: 'Listed twice' },
      { path: 'seed', message: 'Cannot change' },
    ]);
    expect(routed.fields.map((error) => error.path)).toEqual(['variants', 'variants.1.weight', 'tags', 'audience.condition', 'metrics.secondary', 'testUsers.3.targetingKey']);
    expect(routed.overrides).toEqual([{ path: 'variants.0.overrides.hero-color', message: 'Expected a colour' }]);
    expect(routed.unplaced).toEqual([{ path: 'seed', message: 'Cannot change' }]);
  });
});

describe('overrideMessages', () => {
  it('tells keys with dots apart', () => {
    const errors = [
      { path: 'variants.1.overrides.checkout.button', message: 'a' },
      { path: 'variants.1.overrides.checkout.button.size', message: 'b' },
      { path: 'variants.1.overrides.checkout.button.2.url', message: 'c' },
    ];
    const keys = ['checkout.button', 'checkout.button.size'];
    expect(overrideMessages(errors, 1, 'checkout.button', keys)).toEqual([
      { path: '', message: 'a' },
      { path: '2.url', message: 'c' },
    ]);
    expect(overrideMessages(errors, 1, 'checkout.button.size', keys)).toEqual([{ path: '', message: 'b' }]);
    expect(overrideMessages(errors, 0, 'checkout.button', keys)).toEqual([]);
  });
});
