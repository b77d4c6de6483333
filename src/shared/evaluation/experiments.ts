import type { Experiment } from '../contract/experiments';
import type { Parameter } from '../contract/parameters';
import { chooseVariation, getBucketRanges, hash } from '../targeting';
import type { VariationRange } from '../targeting/types';
import { toOfrepValue } from '../values/ofrep-mapping';
import type { SegmentPredicate } from './segments';
import type { EvaluationContext, EvaluationResult } from './types';

/** Statuses in which test users are forced into their variant (QA before and during the run). */
const TEST_USER_STATUSES: readonly Experiment['status'][] = ['draft', 'scheduled', 'running', 'paused'];

/** Whether this user was already exposed to this experiment (sticky membership). */
export type ExposureLookup = (experimentId: string, targetingKey: string) => boolean;

/** What an exposure records: which experiment placed the user, in which variant. */
export interface ExposureInfo {
  experimentId: string;
  experimentKey: string;
  variant: string;
}

/** One experiment prepared for evaluation: who enters, which variant, what each variant serves. */
export interface CompiledExperiment {
  id: string;
  key: string;
  name: string;
  running: boolean;
  sticky: boolean;
  audience: SegmentPredicate;
  audienceLabel: string;
  seed: string;
  /** Variant ranges within [0, 1) scaled by the allocation; users outside every range stay out. */
  ranges: VariationRange[];
  /** The same ranges at full allocation: a sticky user keeps the variant of their bucket. */
  fullRanges: VariationRange[];
  layer: { name: string; range: [number, number] } | null;
  variantKeys: string[];
  testUsers: Map<string, number>;
  /** parameter key -> per-variant results (SPLIT) and the same for test users (TARGETING_MATCH). */
  served: Map<string, { split: EvaluationResult[]; forced: EvaluationResult[] }>;
  /**
   * The variant whose users get what they would get without the experiment (the parameter's own
   * rules or default), still counted as exposed to it: a guarded rollout's old side, so rolling
   * out to some users never changes what the others get. -1 for an ordinary experiment, whose
   * control serves the default value.
   */
  passThrough: number;
}

/** The variant of a guarded rollout's experiment that keeps the old values (rollouts-service). */
export const ROLLOUT_OLD_VARIANT = 'old';

export function compileExperiments(
  experiments: readonly Experiment[],
  parameters: ReadonlyMap<string, Parameter>,
  audienceOf: (experiment: Experiment) => { audience: SegmentPredicate; label: string },
  freeze: <T>(value: T) => T,
  exposures: Map<EvaluationResult, ExposureInfo>,
): CompiledExperiment[] {
  const compiled: CompiledExperiment[] = [];
  // Earlier starts win a parameter that two experiments override for the same user.
  const ordered = [...experiments]
    .filter((e) => TEST_USER_STATUSES.includes(e.status))
    .sort((a, b) => (a.startedAt ?? '9').localeCompare(b.startedAt ?? '9') || a.key.localeCompare(b.key));
  for (const experiment of ordered) {
    const touched = new Set(experiment.variants.flatMap((v) => Object.keys(v.overrides)));
    const served = new Map<string, { split: EvaluationResult[]; forced: EvaluationResult[] }>();
    for (const parameterKey of touched) {
      const parameter = parameters.get(parameterKey);
      if (!parameter) continue; // deleted since: the experiment cannot serve it (starting is refused)
      const metadata = { type: parameter.spec.type, version: parameter.version, experiment: experiment.key };
      const result = (variantKey: string, value: unknown, reason: 'SPLIT' | 'TARGETING_MATCH') =>
        freeze({ key: parameter.key, value: toOfrepValue(parameter.spec, value), variant: variantKey, reason, metadata, trace: [] });
      const values = experiment.variants.map((v) => (parameterKey in v.overrides ? v.overrides[parameterKey] : parameter.defaultValue));
      const split = experiment.variants.map((v, i) => result(v.key, values[i], 'SPLIT'));
      split.forEach((r, i) => exposures.set(r, { experimentId: experiment.id, experimentKey: experiment.key, variant: experiment.variants[i].key }));
      served.set(parameterKey, { split, forced: experiment.variants.map((v, i) => result(v.key, values[i], 'TARGETING_MATCH')) });
    }
    const weights = experiment.variants.map((v) => v.weight / 100);
    const { audience, label } = audienceOf(experiment);
    const variantIndex = new Map(experiment.variants.map((v, i) => [v.key, i]));
    compiled.push({
      id: experiment.id,
      key: experiment.key,
      name: experiment.name,
      running: experiment.status === 'running',
      sticky: experiment.stickyMembership,
      audience,
      audienceLabel: label,
      seed: experiment.seed,
      ranges: getBucketRanges(experiment.variants.length, experiment.allocation / 100, weights),
      fullRanges: getBucketRanges(experiment.variants.length, 1, weights),
      layer: experiment.layer && experiment.layerRange ? { name: experiment.layer.name, range: experiment.layerRange } : null,
      variantKeys: experiment.variants.map((v) => v.key),
      testUsers: new Map(experiment.testUsers.flatMap((u) => (variantIndex.has(u.variant) ? [[u.targetingKey, variantIndex.get(u.variant)!]] : []))),
      served,
      passThrough: experiment.rolloutId ? (variantIndex.get(ROLLOUT_OLD_VARIANT) ?? -1) : -1,
    });
  }
  return compiled;
}

/** The bucket that decides a user's slice of a layer: shared by every experiment in it. */
export function layerBucket(layer: string, targetingKey: string): number | null {
  return hash(`__layer.${layer}`, targetingKey, 2);
}

/** Where a user stands in a running experiment: a variant index, or -1 and why they are out. */
export interface Assignment {
  index: number;
  /** Why: 'sticky' (entered earlier), 'in', or the step that kept them out. */
  step: 'sticky' | 'in' | 'noKey' | 'audience' | 'layer' | 'allocation';
  bucket: number | null;
}

/**
 * Which variant (index) a running experiment gives this user, or -1 with the step that kept them out.
 * Order: sticky membership, audience, layer slice, allocation and variant by hash(seed, targetingKey).
 */
export function assignVariant(experiment: CompiledExperiment, context: EvaluationContext, wasExposed: ExposureLookup | undefined): Assignment {
  const n = hash(experiment.seed, context.targetingKey, 2);
  if (n === null) return { index: -1, step: 'noKey', bucket: null };
  if (experiment.sticky && wasExposed?.(experiment.id, context.targetingKey)) {
    return { index: chooseVariation(n, experiment.fullRanges), step: 'sticky', bucket: n };
  }
  if (!experiment.audience(context)) return { index: -1, step: 'audience', bucket: n };
  if (experiment.layer) {
    const bucket = layerBucket(experiment.layer.name, context.targetingKey);
    const [start, end] = experiment.layer.range;
    if (bucket === null || bucket < start || bucket >= end) return { index: -1, step: 'layer', bucket: n };
  }
  const index = chooseVariation(n, experiment.ranges);
  return { index, step: index < 0 ? 'allocation' : 'in', bucket: n };
}

/** The trace's words for an assignment (the preview page). */
export function describeAssignment(experiment: CompiledExperiment, a: Assignment): string {
  // The user's fixed place in the 0-100 split order, not the raw hash: what a marketer can compare with percentages.
  const bucket = a.bucket === null ? '?' : `${(a.bucket * 100).toFixed(1)} of 100`;
  switch (a.step) {
    case 'sticky':
      return `Entered earlier (sticky membership): variant ${experiment.variantKeys[a.index]}`;
    case 'in':
      return `In the audience; this user's place in the split is ${bucket}: variant ${experiment.variantKeys[a.index]}`;
    case 'noKey':
      return 'No user ID (targetingKey) to split by';
    case 'audience':
      return `Not in the audience: ${experiment.audienceLabel}`;
    case 'layer':
      return `Outside this experiment's slice of layer "${experiment.layer!.name}"`;
    case 'allocation':
      return `In the audience but outside the share of traffic in the experiment (this user's place: ${bucket})`;
  }
}
