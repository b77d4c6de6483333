import type { Metric, MetricKind, PropertyFilter } from '../../../../shared/contract/metrics';

export const kindLabels: Record<MetricKind, string> = {
  conversion: 'Conversion',
  count: 'Count per user',
  sum: 'Sum per user',
  mean: 'Average value',
  ratio: 'Ratio',
};

/** One plain sentence per kind, shown where the kind is chosen. */
export const kindExplanations: Record<MetricKind, string> = {
  conversion: 'Share of users who did the event at least once after seeing the experiment.',
  count: 'How many times each user did the event, on average.',
  sum: 'Total of the value sent with the event per user, e.g. revenue per user.',
  mean: 'Average value per event, e.g. average order value.',
  ratio: 'One event (count or value) divided by another, per user, e.g. purchases per visit.',
};

export { operatorLabels } from '../../../lib/property-filters';

const symbols: Record<PropertyFilter['operator'], string> = {
  equals: '=',
  notEquals: '≠',
  in: 'in',
  contains: 'contains',
  greaterThan: '>',
  lessThan: '<',
};

const shown = (value: PropertyFilter['value']): string =>
  Array.isArray(value) ? `(${value.map(shown).join(', ')})` : typeof value === 'string' ? value : String(value);

/** "category = shoes and price > 20", or '' without filters. */
export function describeFilters(filters: readonly PropertyFilter[]): string {
  return filters.map((filter) => `${filter.property} ${symbols[filter.operator]} ${shown(filter.value)}`).join(' and ');
}

function describeEvent(event: string, filters: readonly PropertyFilter[]): string {
  return filters.length > 0 ? `${event} where ${describeFilters(filters)}` : event;
}

/** What the metric measures in one line: "purchase where category = shoes", "value of purchase ÷ visit". */
export function describeMeasure(metric: Pick<Metric, 'kind' | 'event' | 'filters' | 'denominator' | 'numeratorUsesValue'>): string {
  const numerator = describeEvent(metric.event, metric.filters);
  if (metric.kind !== 'ratio' || !metric.denominator) return numerator;
  const top = metric.numeratorUsesValue ? `value of ${numerator}` : numerator;
  return `${top} ÷ ${describeEvent(metric.denominator.event, metric.denominator.filters)}`;
}

/** "7 days", "36 hours", or "Whole experiment" without a window. */
export function describeWindow(windowHours: number | null): string {
  if (windowHours === null) return 'Whole experiment';
  if (windowHours % 24 === 0) return windowHours === 24 ? '1 day' : `${windowHours / 24} days`;
  return windowHours === 1 ? '1 hour' : `${windowHours} hours`;
}

export const directionLabels: Record<Metric['direction'], string> = {
  higher: 'Higher is better',
  lower: 'Lower is better',
};
