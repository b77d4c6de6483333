import { describe, expect, it } from 'vitest';
import type { Experiment } from '../contract/experiments';
import type { Parameter } from '../contract/parameters';
import { compileConfig, evaluateAll } from './evaluate';
import type { ConfigSnapshot } from './types';

const at = '2026-11-01T00:00:00.000Z';

function parameter(key: string, defaultValue: unknown, type: 'string' | 'color' = 'string'): Parameter {
  return {
    id: `p-${key}`, environmentId: 'production', key, name: key, description: '', tags: [], spec: { type } as Parameter['spec'], defaultValue, killed: false,
    rules: [{ id: 'r1', description: 'Everyone', audience: { kind: 'everyone' }, value: type === 'color' ? '#000000' : 'from rule', rollout: 100, enabled: true }],
    archivedAt: null, version: 3, createdAt: at, updatedAt: at, updatedBy: null,
  };
}

function experiment(overrides: Partial<Experiment> = {}): Experiment {
  return {
    id: 'e1', environmentId: 'production', key: 'checkout', name: 'Checkout', hypothesis: '', owner: '', tags: [], status: 'running',
    audience: { kind: 'everyone' }, stickyMembership: true, allocation: 100, seed: 'seed-1',
    variants: [
      { key: 'control', name: 'Control', weight: 50, overrides: {} },
      { key: 'b', name: 'B', weight: 50, overrides: { headline: 'Buy now', 'button-color': '#ff0000' } },
    ],
    metrics: { primary: null, secondary: [], guardrails: [] }, startAt: null, endAt: null, layer: null, layerRange: null,
    testUsers: [], startedAt: at, endedAt: null, promotion: null, version: 1, createdAt: at, updatedAt: at, updatedBy: null,
    ...overrides,
  };
}

const parameters = [parameter('headline', 'Welcome'), parameter('button-color', '#00ff00', 'color'), parameter('untouched', 'same')];
const snapshot = (experiments: Experiment[], extra: Partial<ConfigSnapshot> = {}): ConfigSnapshot => ({
  version: 1, parameters, segments: [], compiledAt: new Date(at), experiments, ...extra,
});
const users = (n: number, prefix = 'user') => Array.from({ length: n }, (_, i) => `${prefix}-${i}`);

describe('experiments in evaluation', () => {
  it('splits 100,000 users within 1% of the weights, and a user keeps their variant', () => {
    const config = compileConfig(snapshot([experiment({ variants: [
      { key: 'control', name: 'Control', weight: 20, overrides: { headline: 'A' } },
      { key: 'b', name: 'B', weight: 30, overrides: { headline: 'B' } },
      { key: 'c', name: 'C', weight: 50, overrides: { headline: 'C' } },
    ] })]));
    const counts: Record<string, number> = {};
    for (const key of users(100_000)) {
      const result = config.evaluate('headline', { targetingKey: key })!;
      expect(result.reason).toBe('SPLIT');
      counts[result.variant] = (counts[result.variant] ?? 0) + 1;
    }
    expect(Math.abs(counts.control / 100_000 - 0.2)).toBeLessThan(0.01);
    expect(Math.abs(counts.b / 100_000 - 0.3)).toBeLessThan(0.01);
    expect(Math.abs(counts.c / 100_000 - 0.5)).toBeLessThan(0.01);
    // Recompiled (a new config version, e.g. a weight-free edit elsewhere): every user keeps their variant.
    const again = compileConfig({ ...snapshot([experiment({ variants: [
      { key: 'control', name: 'Control', weight: 20, overrides: { headline: 'A' } },
      { key: 'b', name: 'B', weight: 30, overrides: { headline: 'B' } },
      { key: 'c', name: 'C', weight: 50, overrides: { headline: 'C' } },
    ] })]), version: 2 });
    for (const key of users(5_000)) expect(again.evaluate('headline', { targetingKey: key })!.variant).toBe(config.evaluate('headline', { targetingKey: key })!.variant);
  });

  it('serves the variant values with the experiment named in metadata; a variant without an override serves the default', () => {
    const config = compileConfig(snapshot([experiment()]));
    const all = users(200).map((key) => config.evaluate('headline', { targetingKey: key })!);
    const b = all.find((r) => r.variant === 'b')!;
    const control = all.find((r) => r.variant === 'control')!;
    expect(b).toMatchObject({ value: 'Buy now', reason: 'SPLIT', metadata: { experiment: 'checkout' } });
    expect(control).toMatchObject({ value: 'Welcome', reason: 'SPLIT' });
    expect(config.exposureOf(b)).toEqual({ experimentId: 'e1', experimentKey: 'checkout', variant: 'b' });
    // Parameters the experiment does not touch keep their rules.
    expect(config.evaluate('untouched', { targetingKey: 'user-1' })).toMatchObject({ value: 'from rule', reason: 'TARGETING_MATCH' });
    expect(config.exposureOf(config.evaluate('untouched', { targetingKey: 'user-1' })!)).toBeUndefined();
  });

  it('forces test users first, even before the experiment starts, and never logs them as exposures', () => {
    const draft = experiment({ status: 'draft', startedAt: null, testUsers: [{ targetingKey: 'qa-phone', variant: 'b' }] });
    const config = compileConfig(snapshot([draft]));
    const forced = config.evaluate('headline', { targetingKey: 'qa-phone' }, { trace: true })!;
    expect(forced).toMatchObject({ value: 'Buy now', variant: 'b', reason: 'TARGETING_MATCH' });
    expect(forced.trace[0]).toMatchObject({ kind: 'testUser', matched: true });
    expect(config.exposureOf(config.evaluate('headline', { targetingKey: 'qa-phone' })!)).toBeUndefined();
    // Everyone else: the draft does not run, so the rules apply.
    expect(config.evaluate('headline', { targetingKey: 'someone' })).toMatchObject({ value: 'from rule' });
    expect(config.runningExperiments).toEqual([]);
  });

  it('paused and completed experiments serve nobody but test users (paused only)', () => {
    const paused = compileConfig(snapshot([experiment({ status: 'paused', testUsers: [{ targetingKey: 'qa', variant: 'b' }] })]));
    expect(paused.evaluate('headline', { targetingKey: 'user-1' })).toMatchObject({ value: 'from rule' });
    expect(paused.evaluate('headline', { targetingKey: 'qa' })).toMatchObject({ value: 'Buy now' });
    const completed = compileConfig(snapshot([experiment({ status: 'completed', testUsers: [{ targetingKey: 'qa', variant: 'b' }] })]));
    expect(completed.evaluate('headline', { targetingKey: 'qa' })).toMatchObject({ value: 'from rule' });
  });

  it('lets only the audience in, then the allocation', () => {
    const config = compileConfig(snapshot([experiment({
      allocation: 30,
      audience: { kind: 'condition', condition: { country: 'DE' } },
    })]));
    expect(config.evaluate('headline', { targetingKey: 'user-1', country: 'FR' })).toMatchObject({ reason: 'TARGETING_MATCH' });
    const entered = users(20_000).filter((key) => config.evaluate('headline', { targetingKey: key, country: 'DE' })!.reason === 'SPLIT').length;
    expect(Math.abs(entered / 20_000 - 0.3)).toBeLessThan(0.015);
    const trace = config.evaluate('headline', { targetingKey: 'user-1', country: 'FR' }, { trace: true })!.trace;
    expect(trace[0]).toMatchObject({ kind: 'experiment', matched: false, detail: 'Not in the audience: Custom condition' });
  });

  it('keeps a sticky member in their variant after they leave the audience; a non-sticky one leaves', () => {
    const audience = { kind: 'condition' as const, condition: { plan: 'free' } };
    const exposed = new Set(['user-7']);
    const wasExposed = (experimentId: string, key: string) => experimentId === 'e1' && exposed.has(key);
    const sticky = compileConfig(snapshot([experiment({ audience })], { wasExposed }));
    const inside = sticky.evaluate('headline', { targetingKey: 'user-7', plan: 'free' })!;
    const after = sticky.evaluate('headline', { targetingKey: 'user-7', plan: 'pro' })!;
    expect(after).toBe(inside);
    const loose = compileConfig(snapshot([experiment({ audience, stickyMembership: false })], { wasExposed }));
    expect(loose.evaluate('headline', { targetingKey: 'user-7', plan: 'pro' })).toMatchObject({ value: 'from rule' });
  });

  it('puts a user in at most one experiment of a layer', () => {
    const layer = { name: 'checkout-layer', share: 50 };
    const first = experiment({ id: 'e1', key: 'one', layer, layerRange: [0, 0.5], variants: [
      { key: 'control', name: 'C', weight: 50, overrides: { headline: 'one-a' } },
      { key: 'b', name: 'B', weight: 50, overrides: { headline: 'one-b' } },
    ] });
    const second = experiment({ id: 'e2', key: 'two', seed: 'seed-2', layer, layerRange: [0.5, 1], variants: [
      { key: 'control', name: 'C', weight: 50, overrides: { 'button-color': '#111111' } },
      { key: 'b', name: 'B', weight: 50, overrides: { 'button-color': '#222222' } },
    ] });
    const config = compileConfig(snapshot([first, second]));
    let inFirst = 0;
    let inSecond = 0;
    for (const key of users(20_000)) {
      const results = evaluateAll(config, { targetingKey: key });
      const experiments = new Set(results.map((r) => config.exposureOf(r)?.experimentKey).filter(Boolean));
      expect(experiments.size).toBeLessThanOrEqual(1);
      if (experiments.has('one')) inFirst++;
      if (experiments.has('two')) inSecond++;
    }
    expect(inFirst + inSecond).toBe(20_000);
    expect(Math.abs(inFirst / 20_000 - 0.5)).toBeLessThan(0.015);
  });

  it('an experiment overriding a parameter that no longer exists serves the others and nothing for it', () => {
    const config = compileConfig(snapshot([experiment({ variants: [
      { key: 'control', name: 'C', weight: 50, overrides: { gone: 1 } },
      { key: 'b', name: 'B', weight: 50, overrides: { gone: 2, headline: 'x' } },
    ] })]));
    expect(config.evaluate('gone', { targetingKey: 'u' })).toBeNull();
    expect(config.evaluate('headline', { targetingKey: 'u' })!.reason).toBe('SPLIT');
  });
});

describe('evaluateAll fast path', () => {
  it('answers every user with one frozen array when nothing depends on the user', () => {
    const staticOnly = compileConfig({ ...snapshot([]), parameters: [{ ...parameters[2], rules: [] }] });
    const first = evaluateAll(staticOnly, { targetingKey: 'a' });
    expect(evaluateAll(staticOnly, { targetingKey: 'b' })).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(first[0]).toMatchObject({ value: 'same', reason: 'STATIC' });
  });

  it('gives the same answers as evaluating key by key, with rules and experiments', () => {
    const config = compileConfig(snapshot([experiment({ allocation: 50 })]));
    for (const key of users(500)) {
      expect(evaluateAll(config, { targetingKey: key })).toEqual(config.keys.map((k) => config.evaluate(k, { targetingKey: key })));
    }
  });
});

describe("a guarded rollout's experiment", () => {
  it("leaves the old side what the parameter's own rules or default give, counted as exposed to the old side", () => {
    // Rules: users in Germany get "Hallo"; everyone else falls to the default "Welcome".
    const headline: Parameter = {
      ...parameter('headline', 'Welcome'),
      rules: [{ id: 'de', description: 'Germany', audience: { kind: 'condition', condition: { country: 'DE' } }, value: 'Hallo', rollout: 100, enabled: true }],
    };
    const rollout = experiment({
      rolloutId: 'r1',
      variants: [
        { key: 'old', name: 'Old values', weight: 50, overrides: {} },
        { key: 'new', name: 'New values', weight: 50, overrides: { headline: 'Buy now' } },
      ],
    });
    const config = compileConfig({ ...snapshot([rollout]), parameters: [headline] });
    const results = users(400).flatMap((key) => [
      config.evaluate('headline', { targetingKey: key, country: 'DE' })!,
      config.evaluate('headline', { targetingKey: key, country: 'FR' })!,
    ]);
    const oldSide = results.filter((r) => r.variant === 'old');
    const newSide = results.filter((r) => r.variant === 'new');
    expect(newSide.length).toBeGreaterThan(300);
    expect(newSide.every((r) => r.value === 'Buy now')).toBe(true);
    // The old side keeps the rule's value in Germany and the default elsewhere, as before the rollout.
    expect(new Set(oldSide.map((r) => r.value))).toEqual(new Set(['Hallo', 'Welcome']));
    for (const r of oldSide) {
      expect(r).toMatchObject({ reason: 'SPLIT', metadata: { experiment: 'checkout' } });
      expect(config.exposureOf(r)).toEqual({ experimentId: 'e1', experimentKey: 'checkout', variant: 'old' });
    }
    // An ordinary experiment's control still serves the default, rules or not.
    const ordinary = compileConfig({ ...snapshot([experiment()]), parameters: [headline] });
    const control = users(200).map((key) => ordinary.evaluate('headline', { targetingKey: key, country: 'DE' })!).filter((r) => r.variant === 'control');
    expect(control.length).toBeGreaterThan(0);
    expect(control.every((r) => r.value === 'Welcome')).toBe(true);
  });
});
