import { describe, expect, it } from 'vitest';
import type { BehaviourRule } from '../../../../../shared/behaviour/behaviour-rule';
import { newBehaviourRule, windowOfKind, withComparison, withMeasure } from './behaviour-draft';

const count: BehaviourRule = {
  type: 'behaviour',
  measure: 'count',
  event: 'purchase',
  filters: [{ property: 'category', operator: 'equals', value: 'shoes' }],
  comparison: 'atLeast',
  amount: 3,
  window: { kind: 'lastDays', days: 30 },
};

describe('behaviour draft', () => {
  it('a new condition is "did … in the last 30 days" with nothing else', () => {
    expect(newBehaviourRule()).toEqual({ type: 'behaviour', measure: 'did', window: { kind: 'lastDays', days: 30 } });
  });

  it('switching to a measure drops the fields it does not read, so the JSON says only what it means', () => {
    expect(withMeasure(count, 'did')).toEqual({ type: 'behaviour', measure: 'did', event: 'purchase', filters: count.filters, window: count.window });
    expect(withMeasure(count, 'lastSeen')).toEqual({ type: 'behaviour', measure: 'lastSeen', window: count.window });
    // A count of times is not an amount of money: the number goes, the comparison stays.
    expect(withMeasure(count, 'sum')).toEqual({ type: 'behaviour', measure: 'sum', event: 'purchase', filters: count.filters, comparison: 'atLeast', window: count.window });
    expect(withMeasure({ ...withMeasure(count, 'sum'), property: 'price', amount: 9.5 }, 'average')).toMatchObject({ property: 'price', amount: 9.5 });
    expect(withMeasure(newBehaviourRule(), 'count')).toMatchObject({ comparison: 'atLeast' });
  });

  it('a single amount becomes the low end of a range (the high end still to type), and back', () => {
    expect(withComparison(count, 'between')).toMatchObject({ comparison: 'between', amount: [3, Number.NaN] });
    expect(withComparison({ ...count, comparison: 'between', amount: [2, 5] }, 'atMost')).toMatchObject({ comparison: 'atMost', amount: 2 });
  });

  it('"between dates" starts on the same days as "the last N days" (today is day 1, UTC)', () => {
    const now = Date.parse('2026-12-04T15:00:00Z');
    expect(windowOfKind({ kind: 'lastDays', days: 7 }, 'between', now)).toEqual({ kind: 'between', from: '2026-11-28', to: '2026-12-04' });
    expect(windowOfKind({ kind: 'between', from: '2026-11-28', to: '2026-12-04' }, 'lastDays', now)).toEqual({ kind: 'lastDays', days: 30 });
  });
});
