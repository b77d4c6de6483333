/**
 * GrowthBook-compatible targeting: condition language, hashing and bucketing, matching
 * @growthbook/growthbook 1.8.0 exactly (see docs/targeting.md). Pure: no I/O,
 * no Node or DOM APIs, so it runs in the server and in browsers alike.
 */
export type {
  Attributes,
  CompiledCondition,
  Condition,
  ConditionProblem,
  JsonValue,
  Namespace,
  SavedGroups,
  VariationRange,
} from './types';
export { evalCondition } from './conditions';
export { compileCondition } from './compile';
export { MAX_REGEX_CLAUSES, regexPatternProblem, tooManyBuilderPatterns, unsupportedRuleMessage, validateCondition, type RegexProblem } from './validate';
export { MAX_REGEX_PROGRAM_SIZE, MAX_REGEX_SUBJECT_LENGTH } from './linear-regex';
export { unrunnableBuilderPatterns, unrunnablePatterns } from './engine-check';
export { referencedSavedGroups } from './references';
export { hash } from './fnv-hash';
export { chooseVariation, getBucketRanges, getEqualWeights, inNamespace } from './bucketing';
export { paddedVersionString } from './version';
export {
  attributeKinds,
  behaviourRulesOf,
  compileBuilder,
  operatorsByKind,
  usesRelativeDates,
  type AttributeKind,
  type BuilderGroup,
  type BuilderOperator,
  type BuilderRule,
} from './builder';
