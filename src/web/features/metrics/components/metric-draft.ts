import { toNestErrors } from '@hookform/resolvers';
import type { FieldError as FormFieldError, Resolver } from 'react-hook-form';
import {
  createMetricBodySchema,
  type CreateMetricBody,
  type Metric,
  type MetricKind,
  type PropertyFilter,
} from '../../../../shared/contract/metrics';

import { valueTypesFor, type FilterOperator, type FilterValueType } from '../../../lib/property-filters';

// Event properties keep their JSON type, and filters match it exactly: "3" is not 3.
export type { FilterOperator, FilterValueType };
export { valueTypesFor };

export interface FilterDraft {
  property: string;
  operator: FilterOperator;
  valueType: FilterValueType;
  /** As typed; "is one of" takes a comma-separated list. */
  value: string;
}

/** The form's values: what a person edits, turned into a create or update body on submit. */
export interface MetricDraft {
  name: string;
  key: string;
  description: string;
  kind: MetricKind;
  event: string;
  filters: FilterDraft[];
  denominatorEvent: string;
  denominatorFilters: FilterDraft[];
  numeratorUsesValue: boolean;
  direction: 'higher' | 'lower';
  /** Empty: no window (events count until the analysis ends). */
  windowAmount: number | string;
  windowUnit: 'hours' | 'days';
}


export const emptyFilter = (): FilterDraft => ({ property: '', operator: 'equals', valueType: 'text', value: '' });

export const emptyDraft = (): MetricDraft => ({
  name: '',
  key: '',
  description: '',
  kind: 'conversion',
  event: '',
  filters: [],
  denominatorEvent: '',
  denominatorFilters: [],
  numeratorUsesValue: false,
  direction: 'higher',
  windowAmount: '',
  windowUnit: 'days',
});

const typeOf = (value: PropertyFilter['value']): FilterValueType => {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'number' ? 'number' : typeof first === 'boolean' ? 'boolean' : 'text';
};

function filterDraft(filter: PropertyFilter): FilterDraft {
  const value = Array.isArray(filter.value) ? filter.value.map(String).join(', ') : String(filter.value);
  return { property: filter.property, operator: filter.operator, valueType: typeOf(filter.value), value };
}

export function draftFromMetric(metric: Metric): MetricDraft {
  const inDays = metric.windowHours !== null && metric.windowHours % 24 === 0;
  return {
    name: metric.name,
    key: metric.key,
    description: metric.description,
    kind: metric.kind,
    event: metric.event,
    filters: metric.filters.map(filterDraft),
    denominatorEvent: metric.denominator?.event ?? '',
    denominatorFilters: metric.denominator?.filters.map(filterDraft) ?? [],
    numeratorUsesValue: metric.numeratorUsesValue,
    direction: metric.direction,
    windowAmount: metric.windowHours === null ? '' : inDays ? metric.windowHours / 24 : metric.windowHours,
    windowUnit: metric.windowHours === null || inDays ? 'days' : 'hours',
  };
}

/** "Purchases of shoes" → "purchases_of_shoes": a valid key, until the person types their own. */
export function keyFromName(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return (/^[a-z]/.test(slug) || slug === '' ? slug : `m_${slug}`).slice(0, 100);
}

const NOT_A_NUMBER = 'Enter a number';

function typedValue(text: string, type: FilterValueType): string | number | boolean {
  const trimmed = text.trim();
  if (type === 'boolean') return trimmed === 'true';
  if (type === 'number') return trimmed !== '' && Number.isFinite(Number(trimmed)) ? Number(trimmed) : trimmed;
  return trimmed;
}

/** The value type a filter is read as: the chosen one when its operator allows it. */
export const effectiveType = (filter: Pick<FilterDraft, 'operator' | 'valueType'>): FilterValueType =>
  valueTypesFor[filter.operator].includes(filter.valueType) ? filter.valueType : valueTypesFor[filter.operator][0];

/** A filter as the API takes it; numbers that do not parse stay text (and are reported by `draftProblems`). */
function filterFromDraft(filter: FilterDraft): PropertyFilter {
  const type = effectiveType(filter);
  const value =
    filter.operator === 'in'
      ? filter.value.split(',').map((part) => part.trim()).filter(Boolean).map((part) => typedValue(part, type))
      : typedValue(filter.value, type);
  return { property: filter.property.trim(), operator: filter.operator, value: value as PropertyFilter['value'] };
}

function windowHours(draft: MetricDraft): number | null {
  if (draft.windowAmount === '' || draft.windowAmount === null) return null;
  return Number(draft.windowAmount) * (draft.windowUnit === 'days' ? 24 : 1);
}

export function bodyFromDraft(draft: MetricDraft): CreateMetricBody {
  const ratio = draft.kind === 'ratio';
  return {
    key: draft.key.trim(),
    name: draft.name,
    description: draft.description,
    kind: draft.kind,
    event: draft.event.trim(),
    filters: draft.filters.map(filterFromDraft),
    denominator: ratio && draft.denominatorEvent.trim() ? { event: draft.denominatorEvent.trim(), filters: draft.denominatorFilters.map(filterFromDraft) } : null,
    numeratorUsesValue: ratio && draft.numeratorUsesValue,
    direction: draft.direction,
    windowHours: windowHours(draft),
  };
}

/** Where an API path ("denominator.filters.0.value", "windowHours") shows in the form; null: nowhere. */
export function draftPath(apiPath: string): string | null {
  const filter = /^(denominator\.)?filters\.(\d+)\.(property|operator|value)(\.\d+)?$/.exec(apiPath);
  if (filter) return `${filter[1] ? 'denominatorFilters' : 'filters'}.${filter[2]}.${filter[3]}`;
  if (apiPath === 'denominator' || apiPath === 'denominator.event') return 'denominatorEvent';
  if (apiPath === 'windowHours') return 'windowAmount';
  return ['name', 'key', 'description', 'kind', 'event', 'direction', 'numeratorUsesValue'].includes(apiPath) ? apiPath : null;
}

/** Problems the contract cannot see: a number field that holds no number. */
function draftProblems(draft: MetricDraft): Record<string, string> {
  const problems: Record<string, string> = {};
  const check = (filters: FilterDraft[], prefix: string) =>
    filters.forEach((filter, index) => {
      const value = filterFromDraft(filter).value;
      const values = Array.isArray(value) ? value : [value];
      if (filter.operator !== 'in' && filter.value.trim() === '') problems[`${prefix}.${index}.value`] = 'Enter a value';
      else if (effectiveType(filter) === 'number' && values.some((v) => typeof v !== 'number')) problems[`${prefix}.${index}.value`] = NOT_A_NUMBER;
    });
  check(draft.filters, 'filters');
  if (draft.kind === 'ratio') check(draft.denominatorFilters, 'denominatorFilters');
  const amount = draft.windowAmount;
  if (amount !== '' && !Number.isFinite(Number(amount))) problems.windowAmount = NOT_A_NUMBER;
  return problems;
}

/** Checks the draft with the same schema the server uses, with each message beside its field. */
export const metricDraftResolver: Resolver<MetricDraft> = (values, _context, options) => {
  const problems = draftProblems(values);
  const parsed = createMetricBodySchema.safeParse(bodyFromDraft(values));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = draftPath(issue.path.join('.'));
      if (path && !(path in problems)) problems[path] = issue.message;
    }
  }
  if (Object.keys(problems).length === 0) return { values, errors: {} };
  const flat: Record<string, FormFieldError> = {};
  for (const [path, message] of Object.entries(problems)) flat[path] = { type: 'validate', message };
  return { values: {}, errors: toNestErrors<MetricDraft>(flat, options) };
};
