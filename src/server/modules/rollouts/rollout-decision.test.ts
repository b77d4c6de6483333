import { describe, expect, it } from 'vitest';
import { DEFAULT_ROLLOUT_STEPS, type RolloutRules } from '../../../shared/contract/rollouts';
import { sequentialTest } from '../../../shared/stats/sequential';
import { armMean, armVariance, type ProportionStats } from '../../../shared/stats/sufficient-statistics';
import { decideRolloutCheck, type GuardrailInput, type RolloutCheckInput } from './rollout-decision';
import { HARM_TUNING_PARAMETER, harmAlphaPerTest, withPooledVariance } from './rollout-decision-harm';

const rules: RolloutRules = { harmAlpha: 0.05, rollBackOnSrm: true, checkEveryMinutes: 5 };
const proportion = (n: number, sum: number): ProportionStats => ({ kind: 'proportion', n, sum });

function conversion(newConversions: number, extra: Partial<GuardrailInput> = {}): GuardrailInput {
  return { metricId: 'conv', metricName: 'Checkout conversion', higherIsBetter: true, old: proportion(20_000, 2_000), new: proportion(5_000, newConversions), ...extra };
}

/** Step 2 (25%), its time and users met, a neutral guardrail and a split right on 25%. */
function stepTwoInput(overrides: Partial<RolloutCheckInput> = {}): RolloutCheckInput {
  return {
    stepIndex: 1,
    steps: DEFAULT_ROLLOUT_STEPS,
    minutesInStep: 60,
    stepUsers: { old: 750, new: 250 },
    expectedNewShare: 0.25,
    guardrails: [conversion(500)],
    rules,
    ...overrides,
  };
}

const input = stepTwoInput;

describe('decideRolloutCheck: time and users', () => {
  it('advances once the step has its minimum users, and holds one user short, saying how many', () => {
    expect(decideRolloutCheck(input({ stepUsers: { old: 750, new: 250 } })).decision).toBe('advance');
    const held = decideRolloutCheck(input({ stepUsers: { old: 749, new: 250 } }));
    expect(held.decision).toBe('hold');
    expect(held.summary).toBe('Step 2 held: 999 of 1,000 users needed.');
  });

  it('advances once the minimum time has passed, and holds a moment before, saying how long', () => {
    expect(decideRolloutCheck(input({ minutesInStep: 60 })).decision).toBe('advance');
    const held = decideRolloutCheck(input({ minutesInStep: 59.9 }));
    expect(held.decision).toBe('hold');
    expect(held.summary).toBe('Step 2 held: 59 of 60 minutes passed.');
  });

  it('names both shortfalls with thousands separators', () => {
    const steps = [{ percent: 10, minMinutes: 1_440, minUsers: 12_000 }, ...DEFAULT_ROLLOUT_STEPS.slice(1)];
    const held = decideRolloutCheck(input({ stepIndex: 0, steps, expectedNewShare: 0.1, minutesInStep: 1_200, stepUsers: { old: 2_790, new: 310 } }));
    expect(held.summary).toBe('Step 1 held: 3,100 of 12,000 users needed, 1,200 of 1,440 minutes passed.');
  });

  it('says where it goes when it advances', () => {
    const advanced = decideRolloutCheck(input({ stepUsers: { old: 3_000, new: 1_000 }, minutesInStep: 65.5 }));
    expect(advanced.summary).toBe('Step 2 (25%) passed with 4,000 users over 65 minutes; no harm on 1 guardrail; advancing to 50%.');
  });

  it('completes at the 100% step on time alone: there is no old side, so users do not count', () => {
    // As the monitor gives them: this step's users only, so none on the old side.
    const guardrails = [conversion(0, { old: proportion(0, 0), new: proportion(800, 80) })];
    const last = { stepIndex: 3, expectedNewShare: 1, stepUsers: { old: 0, new: 0 }, guardrails };
    const steps = [...DEFAULT_ROLLOUT_STEPS.slice(0, 3), { percent: 100, minMinutes: 30, minUsers: 5_000 }];
    const held = decideRolloutCheck(input({ ...last, steps, minutesInStep: 29 }));
    expect(held.decision).toBe('hold');
    expect(held.summary).toBe('Step 4 held: 29 of 30 minutes passed (everyone has the new value, so there is no old side to compare and only time counts).');
    expect(held.srmPValue).toBeNull();
    const done = decideRolloutCheck(input({ ...last, steps, minutesInStep: 30 }));
    expect(done.decision).toBe('complete');
    expect(done.summary).toBe('Step 4 (100%) done: everyone has the new value, so there is no old side left to compare; rollout complete.');
    expect(done.guardrails[0]).toMatchObject({ lift: null, interval: null, harmful: false });
  });

  it('holds with no users yet and reports no SRM p-value', () => {
    const held = decideRolloutCheck(input({ stepUsers: { old: 0, new: 0 }, minutesInStep: 5 }));
    expect(held).toMatchObject({ decision: 'hold', srmPValue: null, summary: 'Step 2 held: 0 of 1,000 users needed, 5 of 60 minutes passed.' });
  });

  it('rejects a step index outside the steps', () => {
    expect(() => decideRolloutCheck(input({ stepIndex: 4 }))).toThrow(RangeError);
  });
});

/** 25% then 100%: one step that compares, so one guardrail is tested at the whole alpha. */
const oneComparison = { stepIndex: 0, steps: [{ percent: 25, minMinutes: 60, minUsers: 1_000 }, { percent: 100, minMinutes: 0, minUsers: 0 }] };

describe('decideRolloutCheck: harm', () => {
  const input = (overrides: Partial<RolloutCheckInput> = {}) => stepTwoInput({ ...oneComparison, ...overrides });

  // 2,000 of 20,000 old users convert (10%); the one-sided bound at alpha 0.05 crosses 0 between
  // 436 and 437 conversions out of 5,000 new users.
  it('rolls back when the harm bound lies just below zero, not just above', () => {
    const harmful = decideRolloutCheck(input({ guardrails: [conversion(436)] }));
    expect(harmful.decision).toBe('roll_back');
    expect(harmful.guardrails[0].harmful).toBe(true);
    expect(harmful.guardrails[0].interval![1]).toBeLessThan(0);
    const notYet = decideRolloutCheck(input({ guardrails: [conversion(437)] }));
    expect(notYet.decision).toBe('advance');
    expect(notYet.guardrails[0].interval![1]).toBeGreaterThan(0);
  });

  it('rolls back even when the step would otherwise hold', () => {
    expect(decideRolloutCheck(input({ minutesInStep: 5, guardrails: [conversion(300)] })).decision).toBe('roll_back');
  });

  it('says what fell, by how much and the interval', () => {
    const check = decideRolloutCheck(input({ guardrails: [conversion(400)] }));
    const [g] = check.guardrails;
    expect(g.lift).toBeCloseTo(-0.2, 10);
    expect(check.summary).toBe(`Checkout conversion fell 20.0% (interval ${(g.interval![0] * 100).toFixed(1)}% to ${(g.interval![1] * 100).toFixed(1)}%): rolled back.`);
    expect(g).toMatchObject({ oldUsers: 20_000, newUsers: 5_000, oldMean: 0.1, newMean: 0.08 });
  });

  it('splits alpha across guardrails: harm clear alone is not clear beside a second guardrail', () => {
    const revenue: GuardrailInput = { metricId: 'rev', metricName: 'Revenue per user', higherIsBetter: true, old: { kind: 'mean', n: 20_000, sum: 80_000, sumSquares: 1_600_000 }, new: { kind: 'mean', n: 5_000, sum: 20_000, sumSquares: 400_000 } };
    expect(decideRolloutCheck(input({ guardrails: [conversion(433)] })).decision).toBe('roll_back');
    expect(decideRolloutCheck(input({ guardrails: [conversion(433), revenue] })).decision).toBe('advance');
  });

  it('splits alpha across the steps that compare: each step is a fresh comparison of its own users', () => {
    expect(harmAlphaPerTest(0.05, 2, DEFAULT_ROLLOUT_STEPS)).toBeCloseTo(0.05 / 6, 15);
    expect(harmAlphaPerTest(0.05, 1, oneComparison.steps)).toBe(0.05);
    expect(decideRolloutCheck(input({ guardrails: [conversion(433)] })).decision).toBe('roll_back');
    expect(decideRolloutCheck(stepTwoInput({ guardrails: [conversion(433)] })).decision).toBe('advance');
  });

  it('tests one-sided in the harmful direction: an improvement is never harm', () => {
    expect(decideRolloutCheck(input({ guardrails: [conversion(700)] })).decision).toBe('advance');
    const loadTime = (newSum: number): GuardrailInput => ({ metricId: 'load', metricName: 'Page load seconds', higherIsBetter: false, old: { kind: 'mean', n: 20_000, sum: 40_000, sumSquares: 100_000 }, new: { kind: 'mean', n: 5_000, sum: newSum, sumSquares: (newSum * newSum) / 5_000 + 4_999 * 0.5 } });
    const slower = decideRolloutCheck(input({ guardrails: [loadTime(12_000)] }));
    expect(slower.decision).toBe('roll_back');
    expect(slower.summary).toMatch(/^Page load seconds rose 20\.0% \(interval \+\d+\.\d% to \+\d+\.\d%\): rolled back\.$/);
    expect(decideRolloutCheck(input({ guardrails: [loadTime(8_000)] })).decision).toBe('advance');
  });

  it('is the sequential engine, one-sided at alpha, on the pooled variance', () => {
    const [g] = decideRolloutCheck(input({ guardrails: [conversion(420)] })).guardrails;
    const [oldSide, newSide] = withPooledVariance(proportion(20_000, 2_000), proportion(5_000, 420));
    const direct = sequentialTest(oldSide, newSide, { alpha: 0.05, alternative: 'lesser', tuningParameter: HARM_TUNING_PARAMETER });
    expect(g.lift).toBeCloseTo(-0.16, 12);
    expect(g.interval![1]).toBeCloseTo(direct.ci[1], 12);
  });

  it('pools the variance around the common mean and keeps each side\'s mean', () => {
    const [oldSide, newSide] = withPooledVariance(proportion(20_000, 2_000), proportion(5_000, 420));
    const pooled = 2_420 / 25_000;
    const expected = (pooled * (1 - pooled) * 25_000) / 24_999;
    expect(armVariance(oldSide)).toBeCloseTo(expected, 12);
    expect(armVariance(newSide)).toBeCloseTo(expected, 12);
    expect([armMean(oldSide), armMean(newSide)]).toEqual([0.1, 0.084]);
  });

  // Minutes into a step, one small order among 25 new users has a tiny variance of its own; taken
  // at face value it read as a 97% fall with a tight interval (24% of simulated A/A rollouts were
  // rolled back that way before pooling).
  it('does not take a tiny new side with one small order for clear harm', () => {
    const revenue: GuardrailInput = { metricId: 'rev', metricName: 'Revenue per user', higherIsBetter: true, old: { kind: 'mean', n: 225, sum: 880, sumSquares: 70_400 }, new: { kind: 'mean', n: 25, sum: 3, sumSquares: 9 } };
    const check = decideRolloutCheck(input({ minutesInStep: 5, guardrails: [revenue] }));
    expect(check.guardrails[0].harmful).toBe(false);
    expect(check.decision).toBe('hold');
  });

  // Its own variance of 0 leaves the effect undefined; the pooled variance catches a broken checkout.
  it('rolls back a new value under which nobody converts', () => {
    const check = decideRolloutCheck(input({ guardrails: [conversion(0)] }));
    expect(check.decision).toBe('roll_back');
    expect(check.summary).toMatch(/^Checkout conversion fell 100\.0% /);
  });

  it('a guardrail without data is shown but neither compared nor harmful', () => {
    const empty = conversion(0, { old: proportion(0, 0), new: proportion(0, 0) });
    const check = decideRolloutCheck(input({ guardrails: [empty] }));
    expect(check.guardrails[0]).toMatchObject({ lift: null, interval: null, harmful: false, oldUsers: 0, newUsers: 0 });
    expect(check.decision).toBe('advance');
    expect(check.summary).toContain('no harm on 1 guardrail (0 with enough data to compare)');
  });
});

describe('decideRolloutCheck: sample ratio mismatch', () => {
  // Of 5,000 users at 25%, the always-valid p-value drops below 0.001 at 1,382 on the new side
  // (and at 1,121 below it).
  const split = (newUsers: number) => ({ stepUsers: { old: 5_000 - newUsers, new: newUsers } });

  it('rolls back at the threshold on either side, not just inside it', () => {
    expect(decideRolloutCheck(input(split(1_381))).decision).toBe('advance');
    expect(decideRolloutCheck(input(split(1_122))).decision).toBe('advance');
    const high = decideRolloutCheck(input(split(1_382)));
    expect(high.decision).toBe('roll_back');
    expect(high.srmPValue).toBeLessThan(0.001);
    expect(high.summary).toBe('Sample ratio mismatch in step 2: 1,382 of 5,000 users (27.6%) got the new value where 25.0% should (p = 0.001): rolled back.');
    expect(decideRolloutCheck(input(split(1_121))).decision).toBe('roll_back');
  });

  it('keeps going when the rules say not to roll back on SRM, and says so', () => {
    const check = decideRolloutCheck(input({ ...split(1_500), rules: { ...rules, rollBackOnSrm: false } }));
    expect(check.decision).toBe('advance');
    expect(check.summary).toMatch(/advancing to 50%\. Sample ratio mismatch in step 2: 1,500 of 5,000 users \(30\.0%\) .*\(not rolled back: the rules say to keep going\)\.$/);
  });

  it('reports the p-value of a sound split', () => {
    expect(decideRolloutCheck(input(split(1_250))).srmPValue).toBe(1);
  });
});
