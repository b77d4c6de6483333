import { describe, expect, it } from 'vitest';
import type { Metric } from '../../../../shared/contract/metrics';
import { bodyFromDraft, draftFromMetric, draftPath, emptyDraft, keyFromName, metricDraftResolver, type MetricDraft } from './metric-draft';
import { describeMeasure, describeWindow } from './metric-labels';

const metric: Metric = {
  id: 'm1',
  key: 'value_per_visit',
  name: 'Value per visit',
  description: '',
  kind: 'ratio',
  event: 'purchase',
  filters: [
    { property: 'category', operator: 'in', value: ['shoes', 'boots'] },
    { property: 'price', operator: 'greaterThan', value: 20 },
    { property: 'gift', operator: 'equals', value: false },
  ],
  denominator: { event: 'visit', filters: [{ property: 'page', operator: 'contains', value: 'shop' }] },
  numeratorUsesValue: true,
  direction: 'higher',
  windowHours: 72,
  archivedAt: null,
  version: 3,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  updatedBy: null,
};

const resolve = (draft: MetricDraft) =>
  metricDraftResolver(draft, undefined, { fields: {}, shouldUseNativeValidation: false }) as Promise<{ errors: Record<string, unknown> }>;

describe('metric drafts', () => {
  it('round-trips a metric through the form, keeping value types', () => {
    const draft = draftFromMetric(metric);
    expect(draft).toMatchObject({ windowAmount: 3, windowUnit: 'days', denominatorEvent: 'visit' });
    expect(draft.filters.map((f) => [f.valueType, f.value])).toEqual([['text', 'shoes, boots'], ['number', '20'], ['boolean', 'false']]);
    const { key, name, description, kind, event, filters, denominator, numeratorUsesValue, direction, windowHours } = metric;
    expect(bodyFromDraft(draft)).toEqual({ key, name, description, kind, event, filters, denominator, numeratorUsesValue, direction, windowHours });
    expect(bodyFromDraft({ ...draft, windowAmount: 36, windowUnit: 'hours' }).windowHours).toBe(36);
    expect(bodyFromDraft({ ...draft, windowAmount: '' }).windowHours).toBeNull();
  });

  it('drops the denominator and value option for kinds that do not use them', () => {
    expect(bodyFromDraft({ ...draftFromMetric(metric), kind: 'count' })).toMatchObject({ denominator: null, numeratorUsesValue: false });
  });

  it('derives a valid key from a name', () => {
    expect(keyFromName('Purchases of shoes')).toBe('purchases_of_shoes');
    expect(keyFromName('  Crème brûlée – orders! ')).toBe('creme_brulee_orders');
    expect(keyFromName('7-day revenue')).toBe('m_7_day_revenue');
    expect(keyFromName('')).toBe('');
  });

  it('maps API error paths onto form fields', () => {
    expect(draftPath('denominator')).toBe('denominatorEvent');
    expect(draftPath('denominator.filters.1.value.0')).toBe('denominatorFilters.1.value');
    expect(draftPath('filters.0.property')).toBe('filters.0.property');
    expect(draftPath('windowHours')).toBe('windowAmount');
    expect(draftPath('key')).toBe('key');
    expect(draftPath('somethingElse')).toBeNull();
  });

  it('puts problems beside their fields, including numbers that are not numbers', async () => {
    const draft: MetricDraft = {
      ...emptyDraft(),
      name: 'Ratio',
      key: 'ratio',
      kind: 'ratio',
      event: 'purchase',
      filters: [{ property: 'price', operator: 'greaterThan', valueType: 'number', value: 'twenty' }, { property: 'size', operator: 'equals', valueType: 'text', value: ' ' }],
      windowAmount: 0,
    };
    const { errors } = await resolve(draft);
    expect(errors).toMatchObject({
      denominatorEvent: { message: 'A ratio needs a denominator event' },
      filters: [{ value: { message: 'Enter a number' } }, { value: { message: 'Enter a value' } }],
      windowAmount: { message: 'At least 1 hour' },
    });
    expect((await resolve({ ...draft, denominatorEvent: 'visit', filters: [], windowAmount: 7 })).errors).toEqual({});
  });

  it('describes a metric in one line', () => {
    expect(describeMeasure(metric)).toBe('value of purchase where category in (shoes, boots) and price > 20 and gift = false ÷ visit where page contains shop');
    expect(describeWindow(168)).toBe('7 days');
    expect(describeWindow(1)).toBe('1 hour');
    expect(describeWindow(null)).toBe('Whole experiment');
  });
});
