import { describe, expect, it } from 'vitest';
import type { ArmResult, MetricResult } from '../../../shared/contract/results';
import { estimateRunTime } from '../../../shared/stats';
import { experimentDoc } from './results-fixtures';
import { healthWarnings } from './results-health';
import { headline, MAX_DAYS_TO_WAIT, type RunTimeView } from './results-headline';

// The headline says what to do; its "how long" is the editor's estimate; health reasons match the page's numbers.

const experiment = experimentDoc({ variants: [{ key: 'green', name: 'Green', weight: 50, overrides: {} }, { key: 'orange', name: 'Orange', weight: 50, overrides: {} }] });

function arm(variant: string, mean: number, comparison: Partial<NonNullable<ArmResult['comparison']>> | null, total = 500): ArmResult {
  const effect = (expected: number) => ({ expected, ci: [expected - 0.02, expected + 0.02] as [number, number], stddev: 0.01 });
  return {
    variant, users: 5000, total, denominator: null, mean,
    comparison: comparison && { relative: effect(0.1), absolute: effect(0.01), pValue: 0.01, adjustedPValue: 0.01, chanceToWin: null, risk: null, verdict: 'winning', cuped: false, ...comparison },
  };
}
function metric(overrides: Partial<MetricResult> & Pick<MetricResult, 'arms'>): MetricResult {
  return { id: 'm-purchase', key: 'purchase', name: 'Purchases', kind: 'conversion', role: 'primary', direction: 'higher', event: 'purchase', eventSent: true, series: [], ...overrides };
}
function estimateView(perDay: number, usersSoFar: number): RunTimeView {
  const e = estimateRunTime({ baseline: { kind: 'proportion', rate: 0.1 }, mde: 0.1, arms: 2, enteringPerDay: perDay, usersSoFar });
  if (!e.ok) throw new Error(e.message);
  return { metricName: 'Purchases', baseline: { kind: 'proportion', value: 0.1 }, mde: 0.1, arms: 2, enteringPerDay: perDay, usersSoFar, perArm: e.perArm, totalDays: e.totalDays, remainingDays: e.remainingDays };
}
const say = (metrics: MetricResult[], estimate: RunTimeView | null = null, engine: 'sequential' | 'bayesian' = 'sequential') =>
  headline({ experiment, metrics, health: [], engine, estimate });

describe('results headline', () => {
  it('says "Ship Orange" with the expected impact in the metric\'s unit', () => {
    const h = say([metric({ arms: [arm('green', 0.1, null), arm('orange', 0.11, {})] })]);
    expect(h).toMatchObject({ tone: 'winner', variant: 'orange', impact: '+1.0 percentage points of users convert (10.0% → 11.0%)' });
    expect(h.text).toMatch(/^Ship Orange: Purchases \+10\.0% \(\+8\.0% to \+12\.0%\), expected impact \+1\.0 percentage points/);
  });

  it('keeps running for the editor\'s number of days at today\'s traffic, and says stop when that is too long', () => {
    const noDifference = [metric({ arms: [arm('green', 0.1, null), arm('orange', 0.1, { verdict: 'no-difference', pValue: 1 })] })];
    const soon = estimateView(2000, 20_000);
    const h = say(noDifference, soon);
    expect(soon.remainingDays).toBeGreaterThan(0);
    expect(h.text).toMatch(new RegExp(`^Keep running about ${soon.remainingDays} more days at today's traffic \\(2,000 users a day\\) to tell whether Purchases changes by 10%`));
    expect(h.estimate).toEqual(soon);

    const slow = estimateView(20, 140);
    expect(slow.remainingDays).toBeGreaterThan(MAX_DAYS_TO_WAIT);
    expect(say(noDifference, slow)).toMatchObject({ tone: 'no-difference', variant: 'green' });
    expect(say(noDifference, slow).text).toMatch(new RegExp(`^No winner: stop and keep Green\\..* would take about ${slow.remainingDays.toLocaleString('en-US')} more days`));
    expect(say(noDifference, estimateView(2000, 200_000)).text).toMatch(/^No winner: stop and keep Green\..*would most likely have shown/);
  });

  it('never rounds a Bayesian chance up across the 95% its verdict uses', () => {
    const h = say([metric({ arms: [arm('green', 0.1, null), arm('orange', 0.11, { chanceToWin: 0.95004, pValue: null })] })], null, 'bayesian');
    expect(h.text).toMatch(/ 95% chance to beat control\./);
    const close = say([metric({ arms: [arm('green', 0.1, null), arm('orange', 0.11, { chanceToWin: 0.97, verdict: 'winning' })] })], null, 'bayesian');
    expect(close.text).toMatch(/ 97% chance/);
  });

  it('does not say ship when a guardrail gets worse', () => {
    const errors = metric({ id: 'm-err', name: 'Errors', role: 'guardrail', direction: 'lower', event: 'app_error', arms: [arm('green', 0.05, null), arm('orange', 0.07, { verdict: 'losing' })] });
    const h = say([metric({ arms: [arm('green', 0.1, null), arm('orange', 0.11, {})] }), errors]);
    expect(h.text).toMatch(/^Do not ship Orange yet: .* But it makes Errors worse/);
  });
});

describe('health reasons match the numbers on the page', () => {
  const base = { experiment, missingMetricIds: [], users: [5000, 5000], srmPValue: 0.5, srmMismatch: false, everExposed: 10_000, rangeLabel: 'in this range', unknownVariants: [] };

  it('blames the missing values, not missing events, when purchases were counted but carried no value', () => {
    const purchases = metric({ arms: [arm('green', 0.012, null, 60), arm('orange', 0.0116, { verdict: 'no-difference' }, 58)] });
    const revenue = metric({ id: 'm-revenue', name: 'Revenue per user', kind: 'sum', role: 'secondary', arms: [arm('green', 0, null, 0), arm('orange', 0, { verdict: 'not-enough-data' }, 0)] });
    const warnings = healthWarnings({ ...base, metrics: [purchases, revenue] });
    expect(warnings.map((w) => w.code)).toEqual(['event-without-value']);
    expect(warnings[0].explanation).toMatch(/sent "purchase" after their first exposure \(118 counted on this page\), but none of those events had a value/);
  });

  it('says nothing was sent after exposure only when no metric on the page counts that event', () => {
    const revenue = metric({ id: 'm-revenue', name: 'Revenue per user', kind: 'sum', arms: [arm('green', 0, null, 0), arm('orange', 0, null, 0)] });
    const warnings = healthWarnings({ ...base, metrics: [revenue] });
    expect(warnings.map((w) => w.code)).toEqual(['event-not-after-exposure']);
    // Every sentence that says "no exposed user has sent" sits on a page where the event's totals are all 0.
    for (const w of warnings.filter((x) => x.code === 'event-not-after-exposure')) {
      expect(revenue.arms.every((a) => a.total === 0)).toBe(w.metricId === revenue.id);
    }
  });
});
