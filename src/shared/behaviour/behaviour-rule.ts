import type { PropertyFilter } from '../contract/metrics';
import { fnv1a32 } from '../targeting/fnv-hash';

// Behavioural conditions: "did purchase at least 3 times in the last 30 days". A segment's
// builder holds them beside attribute rules. They compile to a condition on a reserved attribute
// (BEHAVIOUR_ATTRIBUTE) that the server fills in from the user's behaviour state before evaluation,
// so the condition engine, segment references and the evaluation order stay as they are.

export const behaviourMeasures = ['did', 'didNot', 'count', 'sum', 'average', 'firstSeen', 'lastSeen'] as const;
export type BehaviourMeasure = (typeof behaviourMeasures)[number];
export const behaviourComparisons = ['atLeast', 'atMost', 'between'] as const;
export type BehaviourComparison = (typeof behaviourComparisons)[number];

/** Days are whole UTC days. "The last 7 days" is today and the 6 days before it. */
export type BehaviourWindow =
  | { kind: 'lastDays'; days: number }
  /** Inclusive UTC dates, YYYY-MM-DD. */
  | { kind: 'between'; from: string; to: string };

export interface BehaviourRule {
  type: 'behaviour';
  measure: BehaviourMeasure;
  /** The event counted: required for every measure but firstSeen and lastSeen (which use every event). */
  event?: string;
  /** Only events whose properties pass every filter count (the metric catalog's filters). */
  filters?: PropertyFilter[];
  /** sum and average: a numeric property of the event; absent means the event's value. */
  property?: string;
  /** count, sum and average. */
  comparison?: BehaviourComparison;
  /** A number (atLeast, atMost) or [low, high] (between, inclusive). */
  amount?: number | [number, number];
  window: BehaviourWindow;
}

/** The attribute the server fills with `{ [ruleId]: boolean }`; apps cannot send it (it is replaced). */
export const BEHAVIOUR_ATTRIBUTE = '#behaviour';
/** Limits: how far back a window reaches, and how many behavioural rules one segment holds. */
export const MAX_BEHAVIOUR_DAYS = 365;
export const MAX_BEHAVIOUR_RULES_PER_SEGMENT = 20;
export const DAY_MS = 86_400_000;

/** What is tallied per user and day: one spec serves every rule on the same events. */
export interface BehaviourSpec {
  /** Stable id of (event, filters, property); 'seen' for first and last seen (every event). */
  id: string;
  /** null: every event (first / last seen). */
  event: string | null;
  filters: PropertyFilter[];
  /** The summed property; null for the event's value. */
  property: string | null;
}

/** One user's events of one spec over a range of days. `valued`: events with a number to sum. */
export interface BehaviourTally {
  count: number;
  sum: number;
  valued: number;
}

/** The UTC days of a user's first and last event (days since 1970-01-01). */
export interface UserSeen {
  firstDay: number;
  lastDay: number;
}

const canonical = (value: unknown): string =>
  Array.isArray(value)
    ? `[${value.map(canonical).join(',')}]`
    : value !== null && typeof value === 'object'
      ? `{${Object.keys(value)
          .sort()
          .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
          .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
          .join(',')}}`
      : JSON.stringify(value);

const shortHash = (text: string) => fnv1a32(text).toString(36) + fnv1a32(`~${text}`).toString(36);

export const usesSeen = (rule: BehaviourRule) => rule.measure === 'firstSeen' || rule.measure === 'lastSeen';

/** The spec a rule reads. Rules differing only in window, comparison or amount share one. */
export function behaviourSpecOf(rule: BehaviourRule): BehaviourSpec {
  if (usesSeen(rule)) return { id: 'seen', event: null, filters: [], property: null };
  const filters = rule.filters ?? [];
  const property = rule.measure === 'sum' || rule.measure === 'average' ? (rule.property ?? null) : null;
  const event = rule.event ?? '';
  return { id: `s${shortHash(canonical({ event, filters, property }))}`, event, filters, property };
}

/** A stable id for the rule's meaning (the key in BEHAVIOUR_ATTRIBUTE). */
export function behaviourRuleId(rule: BehaviourRule): string {
  const { type: _type, ...meaning } = rule;
  return `b${shortHash(canonical(meaning))}`;
}

export const dayOf = (time: number | Date): number => Math.floor((typeof time === 'number' ? time : time.getTime()) / DAY_MS);
const dayOfDate = (date: string): number => dayOf(Date.parse(`${date}T00:00:00Z`));

/** The inclusive range of UTC days a window covers on `today`. */
export function windowDays(window: BehaviourWindow, today: number): [number, number] {
  if (window.kind === 'lastDays') return [today - window.days + 1, today];
  return [dayOfDate(window.from), dayOfDate(window.to)];
}

/** The earliest day any rule may need, so state older than it can be forgotten. */
export function earliestDayNeeded(rules: readonly BehaviourRule[], today: number): number {
  let earliest = today;
  for (const rule of rules) earliest = Math.min(earliest, windowDays(rule.window, today)[0]);
  return Math.max(earliest, today - MAX_BEHAVIOUR_DAYS + 1);
}

function compare(rule: BehaviourRule, observed: number): boolean {
  const amount = rule.amount;
  switch (rule.comparison) {
    case 'atLeast':
      return typeof amount === 'number' && observed >= amount;
    case 'atMost':
      return typeof amount === 'number' && observed <= amount;
    case 'between':
      return Array.isArray(amount) && observed >= amount[0] && observed <= amount[1];
    default:
      return false;
  }
}

/**
 * Whether the rule holds for a user, from the tally of the rule's spec over its window (null:
 * no events) and the user's first and last day (null: never seen).
 */
export function behaviourRuleHolds(rule: BehaviourRule, tally: BehaviourTally | null, seen: UserSeen | null, today: number): boolean {
  const count = tally?.count ?? 0;
  switch (rule.measure) {
    case 'did':
      return count > 0;
    case 'didNot':
      return count === 0;
    case 'count':
      return compare(rule, count);
    case 'sum':
      return compare(rule, tally?.sum ?? 0);
    case 'average':
      return tally !== null && tally.valued > 0 && compare(rule, tally.sum / tally.valued);
    case 'firstSeen':
    case 'lastSeen': {
      if (!seen) return false;
      const [from, to] = windowDays(rule.window, today);
      const day = rule.measure === 'firstSeen' ? seen.firstDay : seen.lastDay;
      return day >= from && day <= to;
    }
  }
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
const amountText = (rule: BehaviourRule, unit: (n: number) => string) => {
  const a = rule.amount;
  if (rule.comparison === 'between' && Array.isArray(a)) return `between ${unit(a[0]).replace(/ \D+$/, '')} and ${unit(a[1])}`;
  if (typeof a !== 'number') return '';
  return `${rule.comparison === 'atMost' ? 'at most' : 'at least'} ${unit(a)}`;
};

/** "in the last 30 days", "between 2026-11-01 and 2026-11-30". */
export function describeWindow(window: BehaviourWindow): string {
  if (window.kind === 'lastDays') return window.days === 1 ? 'today' : `in the last ${window.days} days`;
  return `between ${window.from} and ${window.to}`;
}

const filterText = (rule: BehaviourRule) =>
  (rule.filters ?? []).length === 0 ? '' : ` where ${(rule.filters ?? []).map((f) => `${f.property} ${f.operator} ${Array.isArray(f.value) ? f.value.join(', ') : String(f.value)}`).join(' and ')}`;
const valueName = (rule: BehaviourRule) => (rule.property ? `"${rule.property}"` : 'value');

/** The rule in plain words: "did purchase at least 3 times in the last 30 days". */
export function describeBehaviourRule(rule: BehaviourRule): string {
  const event = `${rule.event ?? ''}${filterText(rule)}`;
  const window = describeWindow(rule.window);
  switch (rule.measure) {
    case 'did':
      return `did ${event} ${window}`;
    case 'didNot':
      return `did not ${event} ${window}`;
    case 'count':
      return `did ${event} ${amountText(rule, (n) => plural(n, 'time'))} ${window}`;
    case 'sum':
      return `total ${valueName(rule)} of ${event} ${amountText(rule, (n) => n.toLocaleString('en'))} ${window}`;
    case 'average':
      return `average ${valueName(rule)} of ${event} ${amountText(rule, (n) => n.toLocaleString('en'))} ${window}`;
    case 'firstSeen':
      return `first seen ${window}`;
    case 'lastSeen':
      return `last seen ${window}`;
  }
}

const dateOfDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** What was observed for a user, for the preview's trace: "purchase 4 times in the last 30 days". */
export function describeObserved(rule: BehaviourRule, tally: BehaviourTally | null, seen: UserSeen | null): string {
  const window = describeWindow(rule.window);
  const count = tally?.count ?? 0;
  switch (rule.measure) {
    case 'did':
    case 'didNot':
    case 'count':
      return `${rule.event} ${plural(count, 'time')} ${window}`;
    case 'sum':
      return `total ${valueName(rule)} ${(tally?.sum ?? 0).toLocaleString('en')} over ${plural(count, rule.event ?? 'event')} ${window}`;
    case 'average':
      return tally && tally.valued > 0
        ? `average ${valueName(rule)} ${(tally.sum / tally.valued).toLocaleString('en', { maximumFractionDigits: 2 })} over ${plural(tally.valued, rule.event ?? 'event')} ${window}`
        : `no ${rule.event} with a ${valueName(rule)} ${window}`;
    case 'firstSeen':
      return seen ? `first seen ${dateOfDay(seen.firstDay)}` : 'never seen';
    case 'lastSeen':
      return seen ? `last seen ${dateOfDay(seen.lastDay)}` : 'never seen';
  }
}
