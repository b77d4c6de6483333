import { describe, expect, it } from 'vitest';
import { checkSrm } from './srm';
import { sequentialSrmLogBayesFactor, sequentialSrmPValue } from './sequential-srm';
import { seededRandom as prng } from '../seeded-random';


describe('sequentialSrmLogBayesFactor', () => {
  // Concentration 2 on an even split is a uniform Beta(1, 1) prior, whose Bayes factor has the
  // closed form x! y! / (x + y + 1)! * 2^(x + y).
  it.each([
    [[1, 0], 1],
    [[2, 0], 4 / 3],
    [[3, 0], 2],
    [[5, 5], (120 * 120 * 1024) / 39916800],
  ])('uniform prior, users %j: Bayes factor %d', (users, bayesFactor) => {
    expect(Math.exp(sequentialSrmLogBayesFactor(users, [0.5, 0.5], 2))).toBeCloseTo(bayesFactor, 10);
  });

  it('weights need not be normalised', () => {
    expect(sequentialSrmLogBayesFactor([310, 98], [3, 1])).toBeCloseTo(sequentialSrmLogBayesFactor([310, 98], [0.75, 0.25]), 10);
  });

  it('rejects zero weights, negative counts, mismatched lengths and a bad concentration', () => {
    expect(() => sequentialSrmLogBayesFactor([10, 0], [1, 0])).toThrow(RangeError);
    expect(() => sequentialSrmLogBayesFactor([-1, 5], [1, 1])).toThrow(RangeError);
    expect(() => sequentialSrmLogBayesFactor([1, 2, 3], [1, 1])).toThrow(RangeError);
    expect(() => sequentialSrmLogBayesFactor([1], [1])).toThrow(RangeError);
    expect(() => sequentialSrmLogBayesFactor([1, 2], [1, 1], 0)).toThrow(RangeError);
  });
});

describe('sequentialSrmPValue', () => {
  it('is 1 with no users and with a split close to the weights', () => {
    expect(sequentialSrmPValue([0, 0], [0.75, 0.25])).toBe(1);
    expect(sequentialSrmPValue([3760, 1240], [0.75, 0.25])).toBe(1);
  });

  it('flags a clear mismatch: 1,412 of 5,000 users on the 25% side', () => {
    const p = sequentialSrmPValue([3588, 1412], [0.75, 0.25]);
    expect(p).toBeLessThan(0.001);
    // It pays for being always valid: the fixed-sample chi-square is far smaller.
    expect(checkSrm([3588, 1412], [0.75, 0.25])).toBeLessThan(p);
  });

  it('does not flag a mismatch of 1 point on 1,000 users', () => {
    expect(sequentialSrmPValue([740, 260], [0.75, 0.25])).toBeGreaterThan(0.5);
  });

  // The reason it exists: looked at after every 20 users, a chi-square at 5% raises a false
  // alarm in far more than 5% of correct splits; the sequential p-value stays within 5%.
  it('keeps false alarms within alpha over 100 looks, where a repeated chi-square does not', () => {
    const random = prng(20_250_101);
    const runs = 400;
    let sequentialAlarms = 0;
    let chiSquareAlarms = 0;
    for (let run = 0; run < runs; run++) {
      const users = [0, 0];
      let sequentialFired = false;
      let chiSquareFired = false;
      for (let look = 0; look < 100; look++) {
        for (let i = 0; i < 20; i++) users[random() < 0.25 ? 1 : 0]++;
        if (sequentialSrmPValue(users, [0.75, 0.25]) < 0.05) sequentialFired = true;
        if (checkSrm(users, [0.75, 0.25]) < 0.05) chiSquareFired = true;
      }
      if (sequentialFired) sequentialAlarms++;
      if (chiSquareFired) chiSquareAlarms++;
    }
    expect(sequentialAlarms / runs).toBeLessThanOrEqual(0.05);
    expect(chiSquareAlarms / runs).toBeGreaterThan(0.1);
  });
});
