import type { Experiment } from '../contract/experiments';
import type { TargetingRule } from '../contract/parameters';
import { assignVariant, compileExperiments, describeAssignment, type Assignment, type CompiledExperiment, type ExposureInfo, type ExposureLookup } from './experiments';

/** Assignments already made for this context: an experiment touching several parameters is decided once. */
type AssignmentMemo = Map<CompiledExperiment, Assignment>;
import { toOfrepValue } from '../values/ofrep-mapping';
import { behaviourRulesInUse, compileSegments, savedGroupsOf, type BehaviourRuleInUse, type SegmentPredicate } from './segments';
import { compileCondition, hash } from '../targeting';
import type { ConfigSnapshot, EvaluationContext, EvaluationResult, TraceStep } from './types';

/** A rollout bucket (0..1) as the user's place in the 0-100 order the rollout percentage cuts. */
const placeOf = (bucket: number | null) => (bucket === null ? 'none, no user ID' : `${(bucket * 100).toFixed(1)} of 100`);

/**
 * A configuration prepared once per version, then evaluated for many contexts. Evaluation is
 * pure: the server, the dashboard preview and tests get the same answer for the same inputs.
 * Order for each parameter: kill switch -> test users -> running experiments (earliest start
 * first) -> targeting rules in order -> default.
 */
export interface CompiledConfig {
  version: number;
  compiledAt: Date;
  keys: string[];
  evaluate(key: string, context: EvaluationContext, options?: EvaluateOptions): EvaluationResult | null;
  /** Every parameter's result for one context, in key order (see evaluateAll). */
  evaluateAll(context: EvaluationContext): EvaluationResult[];
  /** The experiment and variant a result places its user in (SPLIT results of running experiments), for exposure logging. */
  exposureOf(result: EvaluationResult): ExposureInfo | undefined;
  /** Running experiments, for exposure bookkeeping. */
  runningExperiments: { id: string; key: string; sticky: boolean }[];
  /**
   * Behavioural rules of the segments: before evaluating, the server sets the context's
   * BEHAVIOUR_ATTRIBUTE to `{ [rule id]: holds }` for these (empty: nothing to fill in).
   */
  behaviourRules: readonly BehaviourRuleInUse[];
}

export interface EvaluateOptions {
  /** Build the "why" trace (the preview page); apps skip it. */
  trace?: boolean;
}

interface CompiledRule {
  rule: TargetingRule;
  label: string;
  audience: SegmentPredicate;
  audienceLabel: string;
  seed: string;
  /** Frozen: every user this rule serves gets this very object (servers cache by identity). */
  result: EvaluationResult;
}

interface CompiledParameter {
  key: string;
  killed: EvaluationResult | null;
  experiments: CompiledExperiment[];
  rules: CompiledRule[];
  fallback: EvaluationResult;
  /**
   * For each experiment with a pass-through variant: the parameter's own results (each rule's and
   * the default) as that variant serves them, frozen once, so exposures are recorded by identity
   * as for any other variant.
   */
  passedThrough: Map<CompiledExperiment, Map<EvaluationResult, EvaluationResult>>;
}

const freeze = <T>(value: T): T => deepFreeze(value);

export function compileConfig(snapshot: ConfigSnapshot): CompiledConfig {
  const savedGroups = savedGroupsOf(snapshot.segments, snapshot.compiledAt);
  const segments = compileSegments(snapshot.segments, savedGroups, snapshot.compiledAt);
  const segmentNames = new Map(snapshot.segments.map((s) => [s.id, s.name]));
  const byKey = new Map<string, CompiledParameter>();
  const exposures = new Map<EvaluationResult, ExposureInfo>();
  const active = new Map(snapshot.parameters.filter((p) => p.archivedAt === null).map((p) => [p.key, p]));
  const experiments = compileExperiments(
    snapshot.experiments ?? [],
    active,
    (experiment: Experiment) => audienceOf(experiment.audience, segments, segmentNames, savedGroups),
    freeze,
    exposures,
  );
  const wasExposed = snapshot.wasExposed;

  for (const parameter of snapshot.parameters) {
    if (parameter.archivedAt !== null) continue;
    const metadata = { type: parameter.spec.type, version: parameter.version };
    const result = (value: unknown, variant: string, reason: EvaluationResult['reason']): EvaluationResult =>
      freeze({ key: parameter.key, value, variant, reason, metadata, trace: [] });
    const rules = parameter.rules
      .filter((rule) => rule.enabled)
      .map((rule, index): CompiledRule => {
        const { audience, label: audienceLabel } = audienceOf(rule.audience, segments, segmentNames, savedGroups);
        return {
          rule,
          label: rule.description || `Rule ${index + 1}`,
          audience,
          audienceLabel,
          seed: `${parameter.key}.${rule.id}`,
          result: result(toOfrepValue(parameter.spec, rule.value), `rule-${rule.id}`, rule.rollout < 100 ? 'SPLIT' : 'TARGETING_MATCH'),
        };
      });
    const defaultValue = toOfrepValue(parameter.spec, parameter.defaultValue);
    // Experiments that can serve this parameter to someone: running ones, and any with test users
    // (a draft, scheduled or paused one without test users serves nobody).
    const serving = experiments.filter((e) => e.served.has(parameter.key) && (e.running || e.testUsers.size > 0));
    const fallback = result(defaultValue, 'default', rules.length || serving.length ? 'DEFAULT' : 'STATIC');
    byKey.set(parameter.key, {
      key: parameter.key,
      killed: parameter.spec.type === 'boolean' && parameter.killed ? result(false, 'disabled', 'DISABLED') : null,
      experiments: serving,
      rules,
      // STATIC tells providers they may cache the value for every user, so it is given only when no
      // rule (whatever its audience, segment or rollout), experiment or test user could serve anyone
      // else a different value. A user outside them gets the DEFAULT.
      fallback,
      passedThrough: new Map(
        serving
          .filter((e) => e.passThrough >= 0)
          .map((e) => {
            const variant = e.variantKeys[e.passThrough];
            const tagged = (own: EvaluationResult): [EvaluationResult, EvaluationResult] => {
              const served = freeze({ ...own, variant, reason: 'SPLIT' as const, metadata: { ...own.metadata, experiment: e.key } });
              exposures.set(served, { experimentId: e.id, experimentKey: e.key, variant });
              return [own, served];
            };
            return [e, new Map([...rules.map((r) => tagged(r.result)), tagged(fallback)])];
          }),
      ),
    });
  }

  // The hot path (apps' bulk requests): parameters whose value cannot depend on the user are
  // answered from a precomputed result; when that is all of them, the same frozen array serves everyone.
  const keys = [...byKey.keys()].sort();
  const ordered = keys.map((key) => byKey.get(key)!);
  const fixed = ordered.map((p) => p.killed ?? (p.rules.length === 0 && p.experiments.length === 0 ? p.fallback : null));
  const allFixed = fixed.every((r) => r !== null) ? Object.freeze(fixed as EvaluationResult[]) as EvaluationResult[] : null;
  return {
    version: snapshot.version,
    compiledAt: snapshot.compiledAt,
    keys,
    evaluateAll(context) {
      if (allFixed) return allFixed;
      const results = new Array<EvaluationResult>(ordered.length);
      const memo: AssignmentMemo | null = experiments.length > 0 ? new Map() : null;
      for (let i = 0; i < ordered.length; i++) results[i] = fixed[i] ?? evaluateParameter(ordered[i], context, false, wasExposed, memo);
      return results;
    },
    evaluate(key, context, options) {
      const compiled = byKey.get(key);
      return compiled ? evaluateParameter(compiled, context, options?.trace ?? false, wasExposed, null) : null;
    },
    exposureOf: (result) => exposures.get(result),
    runningExperiments: experiments.filter((e) => e.running).map((e) => ({ id: e.id, key: e.key, sticky: e.sticky })),
    behaviourRules: behaviourRulesInUse(snapshot.segments),
  };
}

function audienceOf(
  audience: TargetingRule['audience'],
  segments: Map<string, SegmentPredicate>,
  names: Map<string, string>,
  savedGroups: Parameters<typeof compileCondition>[1],
): { audience: SegmentPredicate; label: string } {
  switch (audience.kind) {
    case 'everyone':
      return { audience: () => true, label: 'Everyone' };
    case 'segment':
      return {
        audience: segments.get(audience.segmentId) ?? (() => false),
        label: `Segment "${names.get(audience.segmentId) ?? audience.segmentId}"`,
      };
    case 'condition':
      return { audience: compileCondition(audience.condition, savedGroups), label: 'Custom condition' };
  }
}

/** Where a user falls in a rule's rollout: sticky, from the targetingKey and the rule. */
export function rolloutBucket(seed: string, targetingKey: string): number | null {
  return hash(seed, targetingKey, 2);
}

function evaluateParameter(
  p: CompiledParameter,
  context: EvaluationContext,
  withTrace: boolean,
  wasExposed: ExposureLookup | undefined,
  memo: AssignmentMemo | null,
): EvaluationResult {
  const trace: TraceStep[] | null = withTrace ? [] : null;
  if (p.killed) {
    trace?.push({ kind: 'killSwitch', label: 'Kill switch', matched: true, detail: 'The flag is switched off for everyone' });
    return trace ? { ...p.killed, trace } : p.killed;
  }
  const fromExperiment = experimentResult(p, context, trace, wasExposed, memo);
  if (fromExperiment && !('passThrough' in fromExperiment)) return trace ? { ...fromExperiment, trace } : fromExperiment;
  const own = ownResult(p, context, trace);
  // A guarded rollout's old side: what the rules or the default give, counted as its exposure.
  const served = fromExperiment ? (p.passedThrough.get(fromExperiment.passThrough)?.get(own) ?? own) : own;
  return trace ? { ...served, trace } : served;
}

/** What the parameter's own rules, or else its default, give this user. */
function ownResult(p: CompiledParameter, context: EvaluationContext, trace: TraceStep[] | null): EvaluationResult {
  for (const compiled of p.rules) {
    const inAudience = compiled.audience(context);
    if (!inAudience) {
      trace?.push({ kind: 'rule', label: compiled.label, matched: false, detail: `Not in the audience: ${compiled.audienceLabel}` });
      continue;
    }
    if (compiled.rule.rollout < 100) {
      const bucket = rolloutBucket(compiled.seed, context.targetingKey);
      // As GrowthBook's force rules (docs/targeting.md): a place equal to the cut is inside, 0% is nobody.
      if (bucket === null || compiled.rule.rollout === 0 || bucket > compiled.rule.rollout / 100) {
        trace?.push({ kind: 'rule', label: compiled.label, matched: false, detail: `In the audience (${compiled.audienceLabel}) but outside the ${compiled.rule.rollout}% rollout (this user's place: ${placeOf(bucket)})` });
        continue;
      }
      trace?.push({ kind: 'rule', label: compiled.label, matched: true, detail: `In the audience (${compiled.audienceLabel}) and inside the ${compiled.rule.rollout}% rollout (this user's place: ${placeOf(bucket)})` });
    } else {
      trace?.push({ kind: 'rule', label: compiled.label, matched: true, detail: `In the audience: ${compiled.audienceLabel}` });
    }
    return compiled.result;
  }
  trace?.push({ kind: 'default', label: 'Default value', matched: true, detail: p.rules.length ? 'No rule applied' : 'No targeting rules' });
  return p.fallback;
}

/** Test users first (any experiment not yet completed), then running experiments in start order. */
function experimentResult(
  p: CompiledParameter,
  context: EvaluationContext,
  trace: TraceStep[] | null,
  wasExposed: ExposureLookup | undefined,
  memo: AssignmentMemo | null,
): EvaluationResult | { passThrough: CompiledExperiment } | null {
  if (p.experiments.length === 0) return null;
  for (const experiment of p.experiments) {
    const forced = experiment.testUsers.get(context.targetingKey);
    if (forced === undefined) continue;
    trace?.push({ kind: 'testUser', label: `Test user of "${experiment.name}"`, matched: true, detail: `Forced into variant ${experiment.variantKeys[forced]}` });
    return experiment.served.get(p.key)!.forced[forced];
  }
  for (const experiment of p.experiments) {
    if (!experiment.running) continue;
    let assignment = memo?.get(experiment);
    if (!assignment) {
      assignment = assignVariant(experiment, context, wasExposed);
      memo?.set(experiment, assignment);
    }
    trace?.push({ kind: 'experiment', label: `Experiment "${experiment.name}"`, matched: assignment.index >= 0, detail: describeAssignment(experiment, assignment) });
    if (assignment.index >= 0 && assignment.index === experiment.passThrough) return { passThrough: experiment };
    if (assignment.index >= 0) return experiment.served.get(p.key)!.split[assignment.index];
  }
  return null;
}

/** Every parameter's value for one context, in key order. */
export function evaluateAll(config: CompiledConfig, context: EvaluationContext, options?: EvaluateOptions): EvaluationResult[] {
  if (!options?.trace) return config.evaluateAll(context);
  return config.keys.map((key) => config.evaluate(key, context, options)!);
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    Object.values(value).forEach(deepFreeze);
  }
  return value;
}
