import { describe, expect, it } from 'vitest';
import { daysRemaining, sampleSizePerArm } from './index';

// z_{0.975} + z_{0.8} = 2.801585218112968, squared 7.848879734349086.
describe('sampleSizePerArm', () => {
  it('proportion: 10% baseline, +10% relative MDE', () => {
    // 7.8489 * (0.1 * 0.9 + 0.11 * 0.89) / 0.01^2 = 14748.05 -> 14749
    expect(sampleSizePerArm({ baseline: { kind: 'proportion', rate: 0.1 }, mde: 0.1 })).toEqual({
      perArm: 14749,
      total: 29498,
    });
  });

  it('mean: mean 50, variance 400, +5% MDE, three arms', () => {
    // 7.8489 * 800 / 2.5^2 = 1004.66 -> 1005 per arm
    expect(
      sampleSizePerArm({ baseline: { kind: 'mean', mean: 50, variance: 400 }, mde: 0.05, arms: 3 }),
    ).toEqual({ perArm: 1005, total: 3015 });
  });

  it('Bonferroni over arms - 1 comparisons when asked', () => {
    // alpha 0.05 / 2 -> z_{0.9875}: 1216.64 -> 1217
    const r = sampleSizePerArm({
      baseline: { kind: 'mean', mean: 50, variance: 400 },
      mde: 0.05,
      arms: 3,
      correctForArms: true,
    });
    expect(r.perArm).toBe(1217);
  });

  it('needs more users for more power or a smaller effect', () => {
    const base = { baseline: { kind: 'proportion', rate: 0.2 } as const, mde: 0.05 };
    const n = sampleSizePerArm(base).perArm;
    expect(sampleSizePerArm({ ...base, power: 0.9 }).perArm).toBeGreaterThan(n);
    expect(sampleSizePerArm({ ...base, mde: 0.025 }).perArm).toBeGreaterThan(3.5 * n);
    expect(sampleSizePerArm({ ...base, mde: -0.05 }).perArm).toBeLessThan(n * 1.2);
  });

  it('rejects impossible inputs', () => {
    expect(() => sampleSizePerArm({ baseline: { kind: 'proportion', rate: 0 }, mde: 0.1 })).toThrow(RangeError);
    expect(() => sampleSizePerArm({ baseline: { kind: 'proportion', rate: 0.6 }, mde: 1 })).toThrow(RangeError);
    expect(() => sampleSizePerArm({ baseline: { kind: 'mean', mean: 1, variance: 1 }, mde: 0 })).toThrow(RangeError);
    expect(() => sampleSizePerArm({ baseline: { kind: 'mean', mean: 1, variance: 1 }, mde: 0.1, arms: 1 })).toThrow(RangeError);
  });
});

describe('daysRemaining', () => {
  it('rounds the missing users / daily traffic up', () => {
    expect(daysRemaining(10_000, 4_000, 1_000)).toBe(6);
    expect(daysRemaining(10_000, 4_000, 700)).toBe(9);
  });
  it('is 0 once reached and null without traffic', () => {
    expect(daysRemaining(10_000, 12_000, 1_000)).toBe(0);
    expect(daysRemaining(10_000, 4_000, 0)).toBeNull();
  });
});
