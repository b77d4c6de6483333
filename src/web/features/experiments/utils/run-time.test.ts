import { describe, expect, it } from 'vitest';
import { estimateRunTime } from './run-time';

describe('estimateRunTime', () => {
  it('needs about 53,000 users per arm for 3% → 3.3% and spreads them over the entering traffic', () => {
    const estimate = estimateRunTime({ baselinePercent: 3, mdePercent: 10, dailyUsers: 10_000, allocation: 50, arms: 2 });
    if (!estimate.ok) throw new Error(estimate.message);
    expect(estimate.perArm).toBeGreaterThan(50_000);
    expect(estimate.perArm).toBeLessThan(56_000);
    expect(estimate.enteringPerDay).toBe(5_000);
    expect(estimate.days).toBe(Math.ceil(estimate.total / 5_000));
  });

  it('takes longer with more arms and less allocation', () => {
    const base = { baselinePercent: 10, mdePercent: 5, dailyUsers: 2_000, allocation: 100, arms: 2 };
    const two = estimateRunTime(base);
    const three = estimateRunTime({ ...base, arms: 3 });
    const half = estimateRunTime({ ...base, allocation: 50 });
    if (!two.ok || !three.ok || !half.ok) throw new Error('estimate failed');
    expect(three.days).toBeGreaterThan(two.days);
    expect(half.days).toBeGreaterThanOrEqual(2 * two.days - 1);
  });

  it('explains inputs it cannot use', () => {
    expect(estimateRunTime({ baselinePercent: 0, mdePercent: 5, dailyUsers: 100, allocation: 100, arms: 2 })).toEqual({ ok: false, message: expect.stringMatching(/baseline/) });
    expect(estimateRunTime({ baselinePercent: 95, mdePercent: 10, dailyUsers: 100, allocation: 100, arms: 2 })).toEqual({ ok: false, message: expect.stringMatching(/below 100%/) });
    expect(estimateRunTime({ baselinePercent: 5, mdePercent: 10, dailyUsers: 0, allocation: 100, arms: 2 })).toEqual({ ok: false, message: expect.stringMatching(/per day/) });
  });
});
