import {
  DAY_MS,
  type BehaviourComparison,
  type BehaviourMeasure,
  type BehaviourRule,
  type BehaviourWindow,
} from '../../../../../shared/behaviour/behaviour-rule';

// Editing a behaviour condition: the labels people read and the changes that keep a rule's JSON
// free of fields its measure does not use (so the definition sent is exactly what it means).

/** The measure in marketer words; the row reads "Users who <measure> <event> …". */
export const measureLabels: Record<BehaviourMeasure, string> = {
  did: 'did',
  didNot: 'did not do',
  count: 'did … times',
  sum: 'total of',
  average: 'average of',
  firstSeen: 'first seen',
  lastSeen: 'last seen',
};

export const comparisonLabels: Record<BehaviourComparison, string> = {
  atLeast: 'at least',
  atMost: 'at most',
  between: 'between',
};

export const DEFAULT_WINDOW_DAYS = 30;

export const usesEvent = (measure: BehaviourMeasure) => measure !== 'firstSeen' && measure !== 'lastSeen';
export const usesComparison = (measure: BehaviourMeasure) => measure === 'count' || measure === 'sum' || measure === 'average';
export const usesProperty = (measure: BehaviourMeasure) => measure === 'sum' || measure === 'average';

export function newBehaviourRule(): BehaviourRule {
  return { type: 'behaviour', measure: 'did', window: { kind: 'lastDays', days: DEFAULT_WINDOW_DAYS } };
}

/** Changes the measure, dropping what the new one does not read and defaulting its comparison. */
export function withMeasure(rule: BehaviourRule, measure: BehaviourMeasure): BehaviourRule {
  const next: BehaviourRule = { type: 'behaviour', measure, window: rule.window };
  if (usesEvent(measure)) {
    if (rule.event !== undefined) next.event = rule.event;
    if (rule.filters !== undefined && rule.filters.length > 0) next.filters = rule.filters;
  }
  if (usesProperty(measure) && rule.property !== undefined) next.property = rule.property;
  if (usesComparison(measure)) {
    next.comparison = rule.comparison ?? 'atLeast';
    // A whole count of times is not a total of money: keep the amount only between like measures.
    const sameKind = usesComparison(rule.measure) && (rule.measure === 'count') === (measure === 'count');
    if (sameKind && rule.amount !== undefined) next.amount = rule.amount;
  }
  return next;
}

/** Changes the comparison; a single amount becomes the lower end of a range, and the lower end the single amount. */
export function withComparison(rule: BehaviourRule, comparison: BehaviourComparison): BehaviourRule {
  const amount = rule.amount;
  const low = Array.isArray(amount) ? amount[0] : amount;
  const next: BehaviourRule = { ...rule, comparison };
  delete next.amount;
  // The upper end starts empty (NaN: never sent, the schema refuses it until it is typed).
  if (comparison === 'between') {
    if (Array.isArray(amount)) next.amount = amount;
    else if (typeof low === 'number') next.amount = [low, Number.NaN];
  } else if (typeof low === 'number' && !Number.isNaN(low)) next.amount = low;
  return next;
}

/** Sets a field, removing it when empty (an empty event, property or filter list is not sent). */
export function withOptional<K extends 'event' | 'property' | 'filters' | 'amount'>(rule: BehaviourRule, key: K, value: BehaviourRule[K] | '' | undefined): BehaviourRule {
  const next: BehaviourRule = { ...rule };
  const empty = value === undefined || value === '' || (Array.isArray(value) && value.length === 0 && key === 'filters');
  if (empty) delete next[key];
  else next[key] = value as BehaviourRule[K];
  return next;
}

const isoDay = (time: number) => new Date(time).toISOString().slice(0, 10);

/** Switching between "in the last N days" and "between dates" keeps the same days where it can. */
export function windowOfKind(window: BehaviourWindow, kind: BehaviourWindow['kind'], now = Date.now()): BehaviourWindow {
  if (window.kind === kind) return window;
  if (kind === 'lastDays') return { kind, days: DEFAULT_WINDOW_DAYS };
  const days = window.kind === 'lastDays' && Number.isInteger(window.days) ? window.days : DEFAULT_WINDOW_DAYS;
  return { kind, from: isoDay(now - (days - 1) * DAY_MS), to: isoDay(now) };
}
