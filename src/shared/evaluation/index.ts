export { compileConfig, evaluateAll, rolloutBucket, type CompiledConfig, type EvaluateOptions } from './evaluate';
export { behaviourRulesInUse, compileSegments, savedGroupsOf, type BehaviourRuleInUse, type EvaluationSegment, type SegmentPredicate } from './segments';
export type { ConfigSnapshot, EvaluationContext, EvaluationReason, EvaluationResult, TraceStep } from './types';
export { assignVariant, layerBucket, type ExposureInfo, type ExposureLookup } from './experiments';
