import { describe, expect, it } from 'vitest';
import { checkSrm, SRM_P_THRESHOLD } from './index';

describe('checkSrm', () => {
  it('exports the alarm threshold', () => {
    expect(SRM_P_THRESHOLD).toBe(0.001);
  });

  it('df = 2: p = exp(-x / 2)', () => {
    // expected 100 each; x = (100 + 100 + 0) / 100 = 2
    expect(checkSrm([110, 90, 100], [1, 1, 1])).toBeCloseTo(Math.exp(-1), 12);
  });

  it('df = 1: p = erfc(sqrt(x / 2))', () => {
    // expected 150 each; x = 2 * 50^2 / 150 = 33.33...
    expect(checkSrm([100, 200], [0.5, 0.5])).toBeCloseTo(7.764036537930662e-9, 15);
  });

  it('weights need not be normalised', () => {
    expect(checkSrm([310, 98], [3, 1])).toBeCloseTo(checkSrm([310, 98], [0.75, 0.25]), 14);
  });

  it('a perfect split gives 1', () => {
    expect(checkSrm([500, 250, 250], [0.5, 0.25, 0.25])).toBe(1);
  });

  it('drops zero-weight arms entirely (TS back-end behaviour)', () => {
    expect(checkSrm([100, 100, 5000], [1, 1, 0])).toBe(1);
    expect(checkSrm([1000, 1200, 900], [0.5, 0.5, 0])).toBeCloseTo(checkSrm([1000, 1200], [0.5, 0.5]), 15);
  });

  it('keeps arms that got no users: that is a mismatch', () => {
    expect(checkSrm([0, 1000], [0.5, 0.5])).toBeLessThan(SRM_P_THRESHOLD);
  });

  it('returns 1 with fewer than two usable arms or no users', () => {
    expect(checkSrm([], [])).toBe(1);
    expect(checkSrm([1000], [1])).toBe(1);
    expect(checkSrm([1000], [0.5, 0.5])).toBe(1);
    expect(checkSrm([0, 0], [0.5, 0.5])).toBe(1);
  });

  it('rejects negative or non-finite counts', () => {
    expect(() => checkSrm([-1, 10], [0.5, 0.5])).toThrow(RangeError);
    expect(() => checkSrm([Number.NaN, 10], [0.5, 0.5])).toThrow(RangeError);
  });
});
