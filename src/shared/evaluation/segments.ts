import type { SegmentDefinition } from '../contract/segments';
import { behaviourRulesOf, compileBuilder, compileCondition, type Attributes, type Condition, type SavedGroups } from '../targeting';
import { behaviourRuleId, behaviourSpecOf, type BehaviourRule, type BehaviourSpec } from '../behaviour/behaviour-rule';

/** A segment as evaluation needs it: id lists in full. */
export interface EvaluationSegment {
  id: string;
  name: string;
  definition: SegmentDefinition;
}

export type SegmentPredicate = (attributes: Attributes) => boolean;

/** The condition a segment stands for, as a GrowthBook saved group (for $savedGroup / $inGroup references). */
function savedGroupOf(segment: EvaluationSegment, now: Date): unknown {
  const d = segment.definition;
  switch (d.kind) {
    case 'rules':
      return { type: 'condition', condition: compileBuilder(d.builder, now) };
    case 'condition':
      return { type: 'condition', condition: d.condition };
    case 'ids':
      return { type: 'list', attributeKey: d.attribute, values: d.ids };
    case 'combination': {
      const included = d.include.map((id) => ({ $savedGroup: { id } }));
      const condition: Condition = d.combinator === 'and' ? { $and: included } : { $or: included };
      return { type: 'condition', condition: d.exclude.length ? { $and: [condition, { $nor: d.exclude.map((id) => ({ $savedGroup: { id } })) }] } : condition };
    }
  }
}

export function savedGroupsOf(segments: EvaluationSegment[], now: Date): SavedGroups {
  return Object.fromEntries(segments.map((segment) => [segment.id, savedGroupOf(segment, now)]));
}

/**
 * One predicate per segment, built once per configuration version. Id lists become Sets (a
 * 100,000-id list is one lookup, not a scan); combinations call their parts; a reference cycle
 * (refused on save, guarded here anyway) or an unknown segment matches nobody.
 */
export function compileSegments(segments: EvaluationSegment[], savedGroups: SavedGroups, now: Date): Map<string, SegmentPredicate> {
  const byId = new Map(segments.map((segment) => [segment.id, segment]));
  const compiled = new Map<string, SegmentPredicate>();
  const compiling = new Set<string>();
  const never: SegmentPredicate = () => false;

  const predicateFor = (id: string): SegmentPredicate => {
    const done = compiled.get(id);
    if (done) return done;
    const segment = byId.get(id);
    if (!segment || compiling.has(id)) return never;
    compiling.add(id);
    const predicate = build(segment);
    compiling.delete(id);
    compiled.set(id, predicate);
    return predicate;
  };

  const build = (segment: EvaluationSegment): SegmentPredicate => {
    const d = segment.definition;
    switch (d.kind) {
      case 'rules':
        return compileCondition(compileBuilder(d.builder, now), savedGroups);
      case 'condition':
        return compileCondition(d.condition, savedGroups);
      case 'ids': {
        const ids = new Set(d.ids);
        const attribute = d.attribute;
        return (attributes) => {
          const value = attributes[attribute];
          return (typeof value === 'string' || typeof value === 'number') && ids.has(String(value));
        };
      }
      case 'combination': {
        const include = d.include.map(predicateFor);
        const exclude = d.exclude.map(predicateFor);
        const included: SegmentPredicate = d.combinator === 'and' ? (a) => include.every((p) => p(a)) : (a) => include.some((p) => p(a));
        return exclude.length ? (a) => included(a) && !exclude.some((p) => p(a)) : included;
      }
    }
  };

  for (const segment of segments) predicateFor(segment.id);
  return compiled;
}

/** A behavioural rule some segment holds, once however many segments hold it. */
export interface BehaviourRuleInUse {
  /** The key in BEHAVIOUR_ATTRIBUTE that the rule's condition reads. */
  id: string;
  rule: BehaviourRule;
  spec: BehaviourSpec;
  /** The segments that hold it, with their names (for the preview's trace). */
  segmentIds: string[];
  segmentNames: string[];
}

/** Every behavioural rule of the given segments: what the server must fill in before evaluating. */
export function behaviourRulesInUse(segments: EvaluationSegment[]): BehaviourRuleInUse[] {
  const byId = new Map<string, BehaviourRuleInUse>();
  for (const segment of segments) {
    if (segment.definition.kind !== 'rules') continue;
    for (const rule of behaviourRulesOf(segment.definition.builder)) {
      const id = behaviourRuleId(rule);
      const known = byId.get(id);
      if (known) {
        if (!known.segmentIds.includes(segment.id)) {
          known.segmentIds.push(segment.id);
          known.segmentNames.push(segment.name);
        }
      } else byId.set(id, { id, rule, spec: behaviourSpecOf(rule), segmentIds: [segment.id], segmentNames: [segment.name] });
    }
  }
  return [...byId.values()];
}
