import type { Experiment } from '../contract/experiments';
import type { Parameter } from '../contract/parameters';
import type { ExposureLookup } from './experiments';
import type { EvaluationSegment } from './segments';

/** OFREP reasons (docs/ofrep.md). */
export type EvaluationReason = 'STATIC' | 'TARGETING_MATCH' | 'SPLIT' | 'DISABLED' | 'DEFAULT' | 'UNKNOWN';

/** What an app sends: a stable targetingKey plus any attributes. */
export interface EvaluationContext {
  targetingKey: string;
  [attribute: string]: unknown;
}

/** Everything evaluation depends on, at one configuration version. */
export interface ConfigSnapshot {
  version: number;
  parameters: Parameter[];
  segments: EvaluationSegment[];
  /** Experiments that can serve values: running ones, and test users of drafts, scheduled and paused ones. */
  experiments?: Experiment[];
  /** Sticky membership: whether a user entered an experiment before (the server's exposure index). */
  wasExposed?: ExposureLookup;
  /** Fixes relative dates in segments ("seen in the last 7 days"); recompile at least hourly. */
  compiledAt: Date;
}

/** One step of "why": which rule was tried and whether it applied. */
export interface TraceStep {
  kind: 'killSwitch' | 'testUser' | 'experiment' | 'rule' | 'default';
  label: string;
  matched: boolean;
  detail?: string;
}

export interface EvaluationResult {
  key: string;
  value: unknown;
  /**
   * Names what was served: a rule, the default, or an experiment's variant key. Invariant: within
   * one configuration version, (key, variant, reason, metadata.experiment) determines the value,
   * so servers may cache serialised results by it (two experiments may both have a variant "b").
   */
  variant: string;
  reason: EvaluationReason;
  /** Flag metadata for OFREP: strings, numbers and booleans only. */
  metadata: Record<string, string | number | boolean>;
  /** Present when evaluated with `{ trace: true }` (the preview); empty on the apps' hot path. */
  trace: TraceStep[];
}
