import type { filterOperators, PropertyFilter } from '../../shared/contract/metrics';

// Property filters ("purchase where category is shoes") as the metric editor and the segment
// builder's behaviour conditions both show them.

export type FilterOperator = (typeof filterOperators)[number];
export type FilterValueType = 'text' | 'number' | 'boolean';

export const operatorLabels: Record<PropertyFilter['operator'], string> = {
  equals: 'is',
  notEquals: 'is not',
  in: 'is one of',
  contains: 'contains',
  greaterThan: 'is more than',
  lessThan: 'is less than',
};

/** The value types each operator compares. */
export const valueTypesFor: Record<FilterOperator, readonly FilterValueType[]> = {
  equals: ['text', 'number', 'boolean'],
  notEquals: ['text', 'number', 'boolean'],
  in: ['text', 'number'],
  contains: ['text'],
  greaterThan: ['number'],
  lessThan: ['number'],
};
