import { toOfrepValue } from '../values/ofrep-mapping';
import type { Parameter } from '../contract/parameters';
import type { ConfigSnapshot, EvaluationContext, EvaluationResult, TraceStep } from './types';

/**
 * A configuration prepared once per version, then evaluated for many contexts. Evaluation is
 * pure: the server, the dashboard preview and tests get the same answer for the same inputs.
 * Order for each parameter: kill switch -> (test users, experiments, rules: later releases) -> default.
 */
export interface CompiledConfig {
  version: number;
  keys: string[];
  evaluate(key: string, context: EvaluationContext): EvaluationResult | null;
}

interface CompiledParameter {
  parameter: Parameter;
  metadata: Record<string, string | number | boolean>;
  defaultValue: unknown;
  /** The answer when nothing depends on the context: built once, frozen, shared by every call. */
  staticResult: EvaluationResult;
}

export function compileConfig(snapshot: ConfigSnapshot): CompiledConfig {
  const byKey = new Map<string, CompiledParameter>();
  for (const parameter of snapshot.parameters) {
    if (parameter.archivedAt !== null) continue;
    const compiled = {
      parameter,
      metadata: { type: parameter.spec.type, version: parameter.version },
      defaultValue: toOfrepValue(parameter.spec, parameter.defaultValue),
    };
    byKey.set(parameter.key, { ...compiled, staticResult: deepFreeze(staticResultOf(compiled)) });
  }
  return {
    version: snapshot.version,
    keys: [...byKey.keys()].sort(),
    evaluate(key, context) {
      const compiled = byKey.get(key);
      return compiled ? evaluateCompiled(compiled, context) : null;
    },
  };
}

function evaluateCompiled(compiled: CompiledParameter, _context: EvaluationContext): EvaluationResult {
  // Rules, experiments and test users join here in later releases; without them the answer is static.
  return compiled.staticResult;
}

function staticResultOf(compiled: Omit<CompiledParameter, 'staticResult'>): EvaluationResult {
  const { parameter } = compiled;
  const trace: TraceStep[] = [];
  if (parameter.spec.type === 'boolean') {
    trace.push({ kind: 'killSwitch', label: 'Kill switch', matched: parameter.killed, detail: parameter.killed ? 'The flag is switched off for everyone' : 'Off' });
    if (parameter.killed) {
      return { key: parameter.key, value: false, variant: 'disabled', reason: 'DISABLED', metadata: compiled.metadata, trace };
    }
  }
  trace.push({ kind: 'default', label: 'Default value', matched: true });
  return { key: parameter.key, value: compiled.defaultValue, variant: 'default', reason: 'STATIC', metadata: compiled.metadata, trace };
}

/** Every parameter's value for one context, in key order. */
export function evaluateAll(config: CompiledConfig, context: EvaluationContext): EvaluationResult[] {
  return config.keys.map((key) => config.evaluate(key, context)!);
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    Object.values(value).forEach(deepFreeze);
  }
  return value;
}
