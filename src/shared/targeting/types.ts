/** Any value a JSON document can hold. */
export type JsonValue =
  | string
  | number
  | boolean
  | null
  | JsonValue[]
  | { [key: string]: JsonValue };

/**
 * A condition document (GrowthBook/Mongo-style targeting rule), e.g.
 * `{ "country": { "$in": ["US", "CA"] }, "$or": [...] }`.
 */
export type Condition = { [key: string]: JsonValue };

/** The evaluation context: attribute name -> value. Dot paths reach nested values. */
export type Attributes = Record<string, unknown>;

/**
 * Saved-group payload: id -> entry. An entry is a bare array of values (v1),
 * `{ type: "list", attributeKey, values }` or `{ type: "condition", condition }` (v2).
 * Entries are `unknown` because payloads are untrusted; malformed entries match nobody.
 */
export type SavedGroups = Record<string, unknown>;

/** Half-open bucket range [start, end) on the unit interval. */
export type VariationRange = [number, number];

/** [namespaceId, start, end]: the slice of the namespace's hash space an experiment owns. */
export type Namespace = [string, number, number];

/** One problem found by `validateCondition`; `path` is a JSON Pointer into the document. */
export interface ConditionProblem {
  path: string;
  message: string;
}

/** A condition pre-processed by `compileCondition`. */
export type CompiledCondition = (attributes: Attributes) => boolean;
