import { describe, expect, it } from 'vitest';
import { adjustPValues } from './index';

/** Element-wise toBeCloseTo for arrays of p-values. */
function expectClose(actual: number[], expected: number[]): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((a, i) => expect(a).toBeCloseTo(expected[i], 12));
}

describe('adjustPValues', () => {
  // Hand computation, m = 4, sorted p: 0.005 (#3), 0.01 (#0), 0.03 (#2), 0.04 (#1).
  const p = [0.01, 0.04, 0.03, 0.005];

  it('holm: (m - rank + 1) p, running max, in input order', () => {
    // 4*0.005 = 0.02; 3*0.01 = 0.03; 2*0.03 = 0.06; 1*0.04 = 0.04 -> max 0.06
    expectClose(adjustPValues(p, 'holm'), [0.03, 0.06, 0.06, 0.02]);
  });

  it('bh: m p / rank, running min from the largest, in input order', () => {
    // 0.005*4/1 = 0.02; 0.01*4/2 = 0.02; 0.03*4/3 = 0.04; 0.04*4/4 = 0.04
    expectClose(adjustPValues(p, 'bh'), [0.02, 0.04, 0.04, 0.02]);
  });

  it("matches R's p.adjust on an evenly spaced example", () => {
    const q = [0.01, 0.02, 0.03, 0.04, 0.05];
    expectClose(adjustPValues(q, 'bh'), [0.05, 0.05, 0.05, 0.05, 0.05]);
    expectClose(adjustPValues(q, 'holm'), [0.05, 0.08, 0.09, 0.09, 0.09]);
  });

  it('caps at 1 and stays monotone', () => {
    expectClose(adjustPValues([0.5, 0.6], 'holm'), [1, 1]);
    expectClose(adjustPValues([0.5, 0.6], 'bh'), [0.6, 0.6]);
    const raw = [0.2, 0.001, 0.7, 0.04, 0.04, 0.9, 0.013];
    for (const method of ['holm', 'bh'] as const) {
      const adj = adjustPValues(raw, method);
      const order = raw.map((_, i) => i).sort((a, b) => raw[a] - raw[b]);
      for (let k = 1; k < order.length; k++) {
        expect(adj[order[k]]).toBeGreaterThanOrEqual(adj[order[k - 1]]);
      }
      adj.forEach((a, i) => {
        expect(a).toBeGreaterThanOrEqual(raw[i]);
        expect(a).toBeLessThanOrEqual(1);
      });
    }
  });

  it('holm is never smaller than bh', () => {
    const raw = [0.003, 0.2, 0.04, 0.011, 0.5];
    const holm = adjustPValues(raw, 'holm');
    adjustPValues(raw, 'bh').forEach((b, i) => expect(holm[i]).toBeGreaterThanOrEqual(b));
  });

  it("'none', a single p-value and the empty list are unchanged", () => {
    expect(adjustPValues(p, 'none')).toEqual(p);
    expect(adjustPValues(p, 'none')).not.toBe(p);
    expect(adjustPValues([0.03], 'holm')).toEqual([0.03]);
    expect(adjustPValues([0.03], 'bh')).toEqual([0.03]);
    expect(adjustPValues([], 'bh')).toEqual([]);
  });

  it('rejects values outside [0, 1]', () => {
    expect(() => adjustPValues([0.1, Number.NaN], 'bh')).toThrow(RangeError);
    expect(() => adjustPValues([1.2], 'holm')).toThrow(RangeError);
  });
});
