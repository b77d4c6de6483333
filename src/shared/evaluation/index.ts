export { compileConfig, evaluateAll, type CompiledConfig } from './evaluate';
export type { ConfigSnapshot, EvaluationContext, EvaluationReason, EvaluationResult, TraceStep } from './types';
