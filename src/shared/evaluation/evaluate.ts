import type { TargetingRule } from '../contract/parameters';
import { toOfrepValue } from '../values/ofrep-mapping';
import { compileSegments, savedGroupsOf, type SegmentPredicate } from './segments';
import { compileCondition, hash } from '../targeting';
import type { ConfigSnapshot, EvaluationContext, EvaluationResult, TraceStep } from './types';

/**
 * A configuration prepared once per version, then evaluated for many contexts. Evaluation is
 * pure: the server, the dashboard preview and tests get the same answer for the same inputs.
 * Order for each parameter: kill switch -> (test users, experiments: later) -> targeting rules
 * in order -> default.
 */
export interface CompiledConfig {
  version: number;
  compiledAt: Date;
  keys: string[];
  evaluate(key: string, context: EvaluationContext, options?: EvaluateOptions): EvaluationResult | null;
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
  rules: CompiledRule[];
  fallback: EvaluationResult;
}

const freeze = <T>(value: T): T => deepFreeze(value);

export function compileConfig(snapshot: ConfigSnapshot): CompiledConfig {
  const savedGroups = savedGroupsOf(snapshot.segments, snapshot.compiledAt);
  const segments = compileSegments(snapshot.segments, savedGroups, snapshot.compiledAt);
  const segmentNames = new Map(snapshot.segments.map((s) => [s.id, s.name]));
  const byKey = new Map<string, CompiledParameter>();

  for (const parameter of snapshot.parameters) {
    if (parameter.archivedAt !== null) continue;
    const metadata = { type: parameter.spec.type, version: parameter.version };
    const result = (value: unknown, variant: string, reason: EvaluationResult['reason']): EvaluationResult =>
      freeze({ key: parameter.key, value, variant, reason, metadata, trace: [] });
    const rules = parameter.rules
      .filter((rule) => rule.enabled)
      .map((rule, index): CompiledRule => {
        const { audience, label: audienceLabel } = audienceOf(rule, segments, segmentNames, savedGroups);
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
    byKey.set(parameter.key, {
      key: parameter.key,
      killed: parameter.spec.type === 'boolean' && parameter.killed ? result(false, 'disabled', 'DISABLED') : null,
      rules,
      // With no rules nothing depends on the user: the value is STATIC. Otherwise it is the DEFAULT.
      fallback: result(defaultValue, 'default', rules.length ? 'DEFAULT' : 'STATIC'),
    });
  }

  return {
    version: snapshot.version,
    compiledAt: snapshot.compiledAt,
    keys: [...byKey.keys()].sort(),
    evaluate(key, context, options) {
      const compiled = byKey.get(key);
      return compiled ? evaluateParameter(compiled, context, options?.trace ?? false) : null;
    },
  };
}

function audienceOf(
  rule: TargetingRule,
  segments: Map<string, SegmentPredicate>,
  names: Map<string, string>,
  savedGroups: Parameters<typeof compileCondition>[1],
): { audience: SegmentPredicate; label: string } {
  switch (rule.audience.kind) {
    case 'everyone':
      return { audience: () => true, label: 'Everyone' };
    case 'segment':
      return {
        audience: segments.get(rule.audience.segmentId) ?? (() => false),
        label: `Segment "${names.get(rule.audience.segmentId) ?? rule.audience.segmentId}"`,
      };
    case 'condition':
      return { audience: compileCondition(rule.audience.condition, savedGroups), label: 'Custom condition' };
  }
}

/** Where a user falls in a rule's rollout: sticky, from the targetingKey and the rule. */
export function rolloutBucket(seed: string, targetingKey: string): number | null {
  return hash(seed, targetingKey, 2);
}

function evaluateParameter(p: CompiledParameter, context: EvaluationContext, withTrace: boolean): EvaluationResult {
  const trace: TraceStep[] | null = withTrace ? [] : null;
  if (p.killed) {
    trace?.push({ kind: 'killSwitch', label: 'Kill switch', matched: true, detail: 'The flag is switched off for everyone' });
    return trace ? { ...p.killed, trace } : p.killed;
  }
  for (const compiled of p.rules) {
    const inAudience = compiled.audience(context);
    if (!inAudience) {
      trace?.push({ kind: 'rule', label: compiled.label, matched: false, detail: `Not in the audience: ${compiled.audienceLabel}` });
      continue;
    }
    if (compiled.rule.rollout < 100) {
      const bucket = rolloutBucket(compiled.seed, context.targetingKey);
      if (bucket === null || bucket >= compiled.rule.rollout / 100) {
        trace?.push({ kind: 'rule', label: compiled.label, matched: false, detail: `In the audience (${compiled.audienceLabel}) but outside the ${compiled.rule.rollout}% rollout (bucket ${bucket?.toFixed(4)})` });
        continue;
      }
      trace?.push({ kind: 'rule', label: compiled.label, matched: true, detail: `In the audience (${compiled.audienceLabel}) and inside the ${compiled.rule.rollout}% rollout (bucket ${bucket.toFixed(4)})` });
    } else {
      trace?.push({ kind: 'rule', label: compiled.label, matched: true, detail: `In the audience: ${compiled.audienceLabel}` });
    }
    return trace ? { ...compiled.result, trace } : compiled.result;
  }
  trace?.push({ kind: 'default', label: 'Default value', matched: true, detail: p.rules.length ? 'No rule applied' : 'No targeting rules' });
  return trace ? { ...p.fallback, trace } : p.fallback;
}

/** Every parameter's value for one context, in key order. */
export function evaluateAll(config: CompiledConfig, context: EvaluationContext, options?: EvaluateOptions): EvaluationResult[] {
  return config.keys.map((key) => config.evaluate(key, context, options)!);
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    Object.values(value).forEach(deepFreeze);
  }
  return value;
}
