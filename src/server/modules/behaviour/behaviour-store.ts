import type { BehaviourSpec } from '../../../shared/behaviour/behaviour-rule';
import type { EventProperties } from '../../../shared/behaviour/property-filter';

/** One user's events of a spec on one UTC day (days since 1970-01-01). */
export interface BehaviourTallyRow {
  environmentId: string;
  targetingKey: string;
  day: number;
  count: number;
  /** Sum of the spec's property (or the event's value) over the events with a finite number there. */
  sum: number;
  /** How many events had a number to sum. */
  valued: number;
}

/** The UTC days of a user's first and last event (any event, any type). */
export interface BehaviourSeenRow {
  environmentId: string;
  targetingKey: string;
  firstDay: number;
  lastDay: number;
}

/** An event as the behaviour state's catch-up reads it, in seq order. */
export interface BehaviourEvent {
  seq: number;
  environmentId: string;
  type: 'track' | 'exposure';
  targetingKey: string;
  event: string;
  /** Epoch milliseconds. */
  ts: number;
  value: number | null;
  properties: EventProperties;
}

/** Rows per page handed to a load's `onPage`: bounded, so a million users never travel as one array. */
export const BEHAVIOUR_PAGE_ROWS = 50_000;

/**
 * What the behaviour state reads from the events (src/server/modules/behaviour/behaviour-state.ts).
 * Every read stops at a seq at or below `watermark()`, so a load plus a catch-up from the same
 * seq sees each event exactly once.
 */
export interface BehaviourStore {
  /** The last seq handed out such that every event at or below it has committed. */
  watermark(): Promise<number>;
  /**
   * Per environment, user and UTC day: the count, sum and valued of the spec's track events
   * (named spec.event, passing spec.filters) at or after `fromDay` with seq <= throughSeq, handed
   * to `onPage` in pages of at most BEHAVIOUR_PAGE_ROWS rows (in no particular order).
   * `environmentId` narrows to one environment; undefined reads all.
   */
  loadTallies(spec: BehaviourSpec, environmentId: string | undefined, fromDay: number, throughSeq: number, onPage: (rows: BehaviourTallyRow[]) => void | Promise<void>): Promise<void>;
  /** Per environment and user: the first and last day over every event with seq <= throughSeq, in pages. */
  loadSeen(environmentId: string | undefined, throughSeq: number, onPage: (rows: BehaviourSeenRow[]) => void | Promise<void>): Promise<void>;
  /** Events with afterSeq < seq <= throughSeq, of these names (track events only) or of every name and type (null), in seq order, at most `limit`. */
  eventsSince(afterSeq: number, throughSeq: number, names: readonly string[] | null, limit: number): Promise<BehaviourEvent[]>;
}

/** The number a spec sums from an event: its property, or its value when the spec has none; null when there is no finite number. */
export function summedNumber(spec: Pick<BehaviourSpec, 'property'>, value: number | null, properties: EventProperties): number | null {
  const raw = spec.property === null ? value : properties?.[spec.property];
  return typeof raw === 'number' && Number.isFinite(raw) ? raw : null;
}
