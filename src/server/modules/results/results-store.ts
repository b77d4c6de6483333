import type { Metric } from '../../../shared/contract/metrics';

// Experiment results and their per-user rollups: part of the Store contract (src/server/store/types.ts), implemented by the memory and SQL stores.

/** What the results store aggregates: every metric of one experiment, per variant and bucket. */
export interface ResultsQuery {
  experimentId: string;
  /** Users first exposed in [from, to) count; events before `to` count. null: unbounded. */
  from: string | null;
  to: string | null;
  metrics: Metric[];
  /** 'day': bucket by UTC day of first exposure; otherwise the value of this known-user attribute. */
  groupBy: { kind: 'day' } | { kind: 'attribute'; attribute: string };
  /** CUPED look-back: each user's same metric in this many days before exposure; 0 turns it off. */
  preExposureDays: number;
  /**
   * Answer from the experiment's per-user rollups (refreshed first), not by joining every event.
   * Only for a query whose `to` is the experiment's own end (null while it runs) and whose
   * preExposureDays is 0 or CUPED_DAYS; a custom end date joins the events.
   */
  useRollups?: boolean;
}

/** Days of each user's history before exposure that CUPED uses (and that rollups keep). */
export const CUPED_DAYS = 14;

/** What an experiment's per-user rollups are kept for: a change of any of it rebuilds them. */
export interface RollupSpec {
  experimentId: string;
  metrics: Metric[];
  /** Events at or after this time (the experiment's end) do not count; null while it runs. */
  to: string | null;
}

/**
 * Sums over users of one metric's per-user quantities: m (the metric, or a ratio's numerator),
 * d (a ratio's denominator; 0 otherwise) and pre (m before exposure, for CUPED; 0 when off).
 */
export interface MetricSums {
  m: number;
  m2: number;
  d: number;
  d2: number;
  md: number;
  pre: number;
  pre2: number;
  mPre: number;
}

export interface ResultsRow {
  variant: string;
  /** 'YYYY-MM-DD' for days; the attribute's value (as text) or null for a breakdown. */
  bucket: string | null;
  users: number;
  /** In the order of ResultsQuery.metrics. */
  metrics: MetricSums[];
}

export interface ResultsStore {
  /** Changes whenever events or exposures change (any replica): the results cache key. */
  dataVersion(): Promise<string>;
  /** Sufficient statistics per variant and bucket, in one round trip. */
  aggregate(query: ResultsQuery): Promise<ResultsRow[]>;
  /** Which of these event names apps have ever sent as track events. */
  sentEvents(events: string[]): Promise<Set<string>>;
  /**
   * Brings the experiment's per-user rollups up to date with every event and exposure written so
   * far, recomputing only the users touched since the last refresh (everyone when the spec
   * changed). Returns how many users were recomputed. A no-op where aggregate() needs no rollups.
   */
  refreshRollups(spec: RollupSpec): Promise<{ users: number; rebuilt: boolean }>;
}
