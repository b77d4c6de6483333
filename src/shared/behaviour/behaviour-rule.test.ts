import { describe, expect, it } from 'vitest';
import {
  behaviourRuleHolds,
  behaviourRuleId,
  behaviourSpecOf,
  dayOf,
  describeBehaviourRule,
  describeObserved,
  earliestDayNeeded,
  MAX_BEHAVIOUR_DAYS,
  windowDays,
  type BehaviourRule,
} from './behaviour-rule';
import { matchesFilter } from './property-filter';

const today = dayOf(Date.parse('2026-12-04T10:00:00Z'));
const tally = (count: number, sum = 0, valued = 0) => ({ count, sum, valued });
const rule = (overrides: Partial<BehaviourRule>): BehaviourRule => ({ type: 'behaviour', measure: 'did', event: 'purchase', window: { kind: 'lastDays', days: 7 }, ...overrides });

describe('behaviour windows', () => {
  it('are whole UTC days: the last 7 days are today and the 6 days before', () => {
    expect(windowDays({ kind: 'lastDays', days: 7 }, today)).toEqual([today - 6, today]);
    expect(windowDays({ kind: 'lastDays', days: 1 }, today)).toEqual([today, today]);
    // A day starts at 00:00 UTC: one millisecond before it is the day before.
    expect(dayOf(Date.parse('2026-12-04T00:00:00Z'))).toBe(today);
    expect(dayOf(Date.parse('2026-12-03T23:59:59.999Z'))).toBe(today - 1);
  });

  it('between dates covers both dates inclusive', () => {
    expect(windowDays({ kind: 'between', from: '2026-11-01', to: '2026-11-30' }, today)).toEqual([dayOf(Date.parse('2026-11-01T00:00:00Z')), dayOf(Date.parse('2026-11-30T00:00:00Z'))]);
  });

  it('the earliest day needed is the longest window, never more than a year back', () => {
    expect(earliestDayNeeded([rule({ window: { kind: 'lastDays', days: 7 } }), rule({ window: { kind: 'lastDays', days: 30 } })], today)).toBe(today - 29);
    expect(earliestDayNeeded([], today)).toBe(today);
    expect(earliestDayNeeded([rule({ window: { kind: 'between', from: '2000-01-01', to: '2000-01-02' } })], today)).toBe(today - MAX_BEHAVIOUR_DAYS + 1);
  });
});

describe('behaviourRuleHolds', () => {
  it('did and did not, with no state at all', () => {
    expect(behaviourRuleHolds(rule({ measure: 'did' }), null, null, today)).toBe(false);
    expect(behaviourRuleHolds(rule({ measure: 'didNot' }), null, null, today)).toBe(true);
    expect(behaviourRuleHolds(rule({ measure: 'did' }), tally(1), null, today)).toBe(true);
    expect(behaviourRuleHolds(rule({ measure: 'didNot' }), tally(1), null, today)).toBe(false);
  });

  it('counts at the edges: at least, at most and between are inclusive', () => {
    const atLeast3 = rule({ measure: 'count', comparison: 'atLeast', amount: 3 });
    expect([2, 3, 4].map((n) => behaviourRuleHolds(atLeast3, tally(n), null, today))).toEqual([false, true, true]);
    const atMost3 = rule({ measure: 'count', comparison: 'atMost', amount: 3 });
    expect([2, 3, 4].map((n) => behaviourRuleHolds(atMost3, tally(n), null, today))).toEqual([true, true, false]);
    expect(behaviourRuleHolds(atMost3, null, null, today)).toBe(true);
    const between = rule({ measure: 'count', comparison: 'between', amount: [2, 4] });
    expect([1, 2, 3, 4, 5].map((n) => behaviourRuleHolds(between, tally(n), null, today))).toEqual([false, true, true, true, false]);
  });

  it('sum counts nothing as 0; average needs events with a value', () => {
    const sum = rule({ measure: 'sum', comparison: 'atMost', amount: 0 });
    expect(behaviourRuleHolds(sum, null, null, today)).toBe(true);
    const average = rule({ measure: 'average', comparison: 'atMost', amount: 100 });
    expect(behaviourRuleHolds(average, null, null, today)).toBe(false);
    expect(behaviourRuleHolds(average, tally(3, 0, 0), null, today)).toBe(false);
    expect(behaviourRuleHolds(average, tally(3, 300, 3), null, today)).toBe(true);
    expect(behaviourRuleHolds(average, tally(3, 301, 3), null, today)).toBe(false);
    expect(describeObserved(average, tally(3, 0, 0), null)).toBe('no purchase with a value in the last 7 days');
  });

  it('first and last seen fall in the window, or not; never seen holds neither', () => {
    const firstSeen = rule({ measure: 'firstSeen', event: undefined, window: { kind: 'lastDays', days: 14 } });
    const lastSeen = rule({ measure: 'lastSeen', event: undefined, window: { kind: 'lastDays', days: 14 } });
    expect(behaviourRuleHolds(firstSeen, null, null, today)).toBe(false);
    expect(behaviourRuleHolds(firstSeen, null, { firstDay: today - 13, lastDay: today }, today)).toBe(true);
    expect(behaviourRuleHolds(firstSeen, null, { firstDay: today - 14, lastDay: today }, today)).toBe(false);
    expect(behaviourRuleHolds(lastSeen, null, { firstDay: today - 100, lastDay: today - 13 }, today)).toBe(true);
    expect(behaviourRuleHolds(lastSeen, null, { firstDay: today - 100, lastDay: today - 14 }, today)).toBe(false);
    expect(describeObserved(firstSeen, null, { firstDay: today, lastDay: today })).toBe('first seen 2026-12-04');
  });
});

describe('ids and specs', () => {
  it('ids do not depend on key order; rules on the same events share a spec', () => {
    const a = rule({ measure: 'count', comparison: 'atLeast', amount: 3, filters: [{ property: 'plan', operator: 'equals', value: 'pro' }] });
    const reordered = JSON.parse(JSON.stringify({ window: a.window, amount: 3, filters: [{ value: 'pro', operator: 'equals', property: 'plan' }], comparison: 'atLeast', event: 'purchase', measure: 'count', type: 'behaviour' })) as BehaviourRule;
    expect(behaviourRuleId(reordered)).toBe(behaviourRuleId(a));
    expect(behaviourSpecOf(reordered).id).toBe(behaviourSpecOf(a).id);
    const otherWindow = { ...a, window: { kind: 'lastDays' as const, days: 30 } };
    expect(behaviourRuleId(otherWindow)).not.toBe(behaviourRuleId(a));
    expect(behaviourSpecOf(otherWindow).id).toBe(behaviourSpecOf(a).id);
    expect(behaviourSpecOf(rule({ measure: 'did', event: 'add_to_cart' })).id).not.toBe(behaviourSpecOf(a).id);
    expect(behaviourSpecOf(rule({ measure: 'lastSeen', event: undefined })).id).toBe('seen');
  });

  it('a count reads no property, so it shares the spec of did on the same event', () => {
    expect(behaviourSpecOf(rule({ measure: 'count', property: 'price', comparison: 'atLeast', amount: 1 })).id).toBe(behaviourSpecOf(rule({ measure: 'did' })).id);
    expect(behaviourSpecOf(rule({ measure: 'sum', property: 'price' })).property).toBe('price');
  });

  it('describes rules in plain words', () => {
    expect(describeBehaviourRule(rule({ measure: 'count', comparison: 'atLeast', amount: 3, window: { kind: 'lastDays', days: 30 } }))).toBe('did purchase at least 3 times in the last 30 days');
    expect(describeBehaviourRule(rule({ measure: 'didNot' }))).toBe('did not purchase in the last 7 days');
  });
});

describe('matchesFilter', () => {
  it('compares type and value, as jsonb does', () => {
    expect(matchesFilter({ plan: 'pro' }, { property: 'plan', operator: 'equals', value: 'pro' })).toBe(true);
    expect(matchesFilter({ qty: 1 }, { property: 'qty', operator: 'equals', value: '1' })).toBe(false);
    expect(matchesFilter(null, { property: 'plan', operator: 'notEquals', value: 'pro' })).toBe(true);
    expect(matchesFilter({ price: '12' }, { property: 'price', operator: 'greaterThan', value: 10 })).toBe(false);
    expect(matchesFilter({ price: 12 }, { property: 'price', operator: 'greaterThan', value: 10 })).toBe(true);
    expect(matchesFilter({ sku: 'Blue-Shirt' }, { property: 'sku', operator: 'contains', value: 'shirt' })).toBe(true);
    expect(matchesFilter({ plan: 'pro' }, { property: 'plan', operator: 'in', value: ['free', 'pro'] })).toBe(true);
  });
});
