import type { PropertyFilter } from '../contract/metrics';

/** An event's properties as stored. */
export type EventProperties = Record<string, string | number | boolean | null> | null;
type Scalar = string | number | boolean;

/**
 * Whether an event's properties pass a metric catalog filter. The same meaning as filterSql in
 * src/server/store/sql/sql-metric-quantities.ts (jsonb comparison: type and value must match), so
 * the memory store, the behaviour state's catch-up and the SQL aggregates agree.
 */
export function matchesFilter(properties: EventProperties, filter: PropertyFilter): boolean {
  const actual = properties?.[filter.property];
  const present = actual !== undefined && actual !== null;
  const same = (v: Scalar) => present && typeof actual === typeof v && actual === v;
  switch (filter.operator) {
    case 'equals':
      return same(filter.value as Scalar);
    case 'notEquals':
      return !same(filter.value as Scalar);
    case 'in':
      return (filter.value as Scalar[]).some(same);
    case 'contains':
      return present && String(actual).toLowerCase().includes(String(filter.value).toLowerCase());
    case 'greaterThan':
      return typeof actual === 'number' && actual > Number(filter.value);
    case 'lessThan':
      return typeof actual === 'number' && actual < Number(filter.value);
  }
}

export const matchesFilters = (properties: EventProperties, filters: readonly PropertyFilter[]): boolean => filters.every((f) => matchesFilter(properties, f));
