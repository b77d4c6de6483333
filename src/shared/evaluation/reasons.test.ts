import { describe, expect, it } from 'vitest';
import type { Experiment } from '../contract/experiments';
import type { Parameter, TargetingRule } from '../contract/parameters';
import { compileConfig, evaluateAll, rolloutBucket } from './evaluate';
import type { EvaluationContext, EvaluationResult } from './types';

// STATIC tells OpenFeature providers that a value is the same for every user, so they may cache
// it across users. It must be given only when nothing about the user could change the value.

const at = '2026-11-01T00:00:00.000Z';

function parameter(key: string, overrides: Partial<Parameter> = {}): Parameter {
  return {
    id: `p-${key}`, environmentId: 'production', key, name: key, description: '', tags: [], spec: { type: 'string' } as Parameter['spec'], defaultValue: 'plain', killed: false,
    rules: [], archivedAt: null, version: 1, createdAt: at, updatedAt: at, updatedBy: null, ...overrides,
  };
}

function rule(overrides: Partial<TargetingRule> = {}): TargetingRule {
  return { id: 'r1', description: '', audience: { kind: 'everyone' }, value: 'from rule', rollout: 100, enabled: true, ...overrides };
}

function experiment(overrides: Partial<Experiment> = {}): Experiment {
  return {
    id: 'e1', environmentId: 'production', key: 'checkout', name: 'Checkout', hypothesis: '', owner: '', tags: [], status: 'running',
    audience: { kind: 'everyone' }, stickyMembership: true, allocation: 100, seed: 'seed-1',
    variants: [
      { key: 'control', name: 'Control', weight: 50, overrides: {} },
      { key: 'b', name: 'B', weight: 50, overrides: { headline: 'Buy now' } },
    ],
    metrics: { primary: null, secondary: [], guardrails: [] }, startAt: null, endAt: null, layer: null, layerRange: null,
    testUsers: [], startedAt: at, endedAt: null, promotion: null, version: 1, createdAt: at, updatedAt: at, updatedBy: null,
    ...overrides,
  };
}

/** The result for `key` through both entry points (one flag, and the bulk fast path), which must agree. */
function resultFor(parameters: Parameter[], experiments: Experiment[], key: string, context: EvaluationContext): EvaluationResult {
  const config = compileConfig({ version: 1, parameters, segments: [], experiments, compiledAt: new Date(at) });
  const single = config.evaluate(key, context)!;
  expect(evaluateAll(config, context).find((r) => r.key === key)).toEqual(single);
  return single;
}

const users = Array.from({ length: 200 }, (_, i) => `user-${i}`);
const headline = parameter('headline');

describe('evaluation reasons', () => {
  it('is STATIC with no rule, no experiment and no test user', () => {
    expect(resultFor([headline], [], 'headline', { targetingKey: 'u' })).toMatchObject({ value: 'plain', reason: 'STATIC' });
  });

  it('is DEFAULT for a user outside a running experiment allocation, and SPLIT inside', () => {
    const reasons = new Set(users.map((u) => resultFor([headline], [experiment({ allocation: 10 })], 'headline', { targetingKey: u }).reason));
    expect(reasons).toEqual(new Set(['SPLIT', 'DEFAULT']));
  });

  it('is DEFAULT for a user outside a running experiment audience', () => {
    const audience = { kind: 'condition' as const, condition: { plan: 'pro' } };
    expect(resultFor([headline], [experiment({ audience })], 'headline', { targetingKey: 'u', plan: 'free' })).toMatchObject({ value: 'plain', reason: 'DEFAULT' });
  });

  it('is DEFAULT for everyone but the test users of a draft or paused experiment', () => {
    for (const status of ['draft', 'scheduled', 'paused'] as const) {
      const qa = experiment({ status, startedAt: null, testUsers: [{ targetingKey: 'qa-phone', variant: 'b' }] });
      expect(resultFor([headline], [qa], 'headline', { targetingKey: 'qa-phone' })).toMatchObject({ value: 'Buy now', reason: 'TARGETING_MATCH' });
      expect(resultFor([headline], [qa], 'headline', { targetingKey: 'u' })).toMatchObject({ value: 'plain', reason: 'DEFAULT' });
    }
  });

  it('stays STATIC for an experiment that serves nobody yet, or serves other parameters', () => {
    const draft = experiment({ status: 'draft', startedAt: null });
    expect(resultFor([headline], [draft], 'headline', { targetingKey: 'u' }).reason).toBe('STATIC');
    const other = parameter('other');
    expect(resultFor([headline, other], [experiment()], 'other', { targetingKey: 'u' }).reason).toBe('STATIC');
    const completed = experiment({ status: 'completed', testUsers: [{ targetingKey: 'qa-phone', variant: 'b' }] });
    expect(resultFor([headline], [completed], 'headline', { targetingKey: 'qa-phone' }).reason).toBe('STATIC');
  });

  it('is DEFAULT outside a rule, whatever its audience or rollout', () => {
    const rules: TargetingRule[] = [
      rule({ audience: { kind: 'segment', segmentId: 'unknown' } }),
      rule({ audience: { kind: 'condition', condition: { plan: 'pro' } } }),
      rule({ rollout: 0 }),
    ];
    for (const r of rules) expect(resultFor([parameter('headline', { rules: [r] })], [], 'headline', { targetingKey: 'u', plan: 'free' })).toMatchObject({ value: 'plain', reason: 'DEFAULT' });
    const split = new Set(users.map((u) => resultFor([parameter('headline', { rules: [rule({ rollout: 30 })] })], [], 'headline', { targetingKey: u }).reason));
    expect(split).toEqual(new Set(['SPLIT', 'DEFAULT']));
  });

  it('counts a user whose place equals the rollout cut as inside it, as GrowthBook does, and nobody at 0%', () => {
    // hash('headline.r1', 'user-11888', 2) is exactly 0.5 (checked below), so the 50% rollout includes this user.
    const onTheCut = { seed: 'headline.r1', user: 'user-11888' };
    expect(rolloutBucket(onTheCut.seed, onTheCut.user)).toBe(0.5);
    expect(resultFor([parameter('headline', { rules: [rule({ rollout: 50 })] })], [], 'headline', { targetingKey: onTheCut.user })).toMatchObject({ value: 'from rule', reason: 'SPLIT' });
    expect(rolloutBucket('headline.r1', 'user-170')).toBe(0); // the first place: still outside a 0% rollout
    const atZero = [...users, 'user-170'].map((u) => resultFor([parameter('headline', { rules: [rule({ rollout: 0 })] })], [], 'headline', { targetingKey: u }).value);
    expect(new Set(atZero)).toEqual(new Set(['plain']));
  });

  it('ignores disabled rules: STATIC', () => {
    expect(resultFor([parameter('headline', { rules: [rule({ enabled: false })] })], [], 'headline', { targetingKey: 'u' }).reason).toBe('STATIC');
  });

  it('is DISABLED for everyone when the kill switch is on, even inside a rule or experiment', () => {
    const killed = parameter('headline', { spec: { type: 'boolean' } as Parameter['spec'], defaultValue: true, killed: true, rules: [rule({ value: true })] });
    for (const u of users.slice(0, 20)) expect(resultFor([killed], [experiment()], 'headline', { targetingKey: u })).toMatchObject({ value: false, reason: 'DISABLED' });
  });
});
