import type { FieldError } from '../../../../shared/contract/common';
import { behaviourRuleSchema, segmentDefinitionSchema, type Segment, type SegmentDefinition } from '../../../../shared/contract/segments';
import type { BuilderGroup } from '../../../../shared/targeting';
import { parseJsonText } from '../../../../shared/values';
import { emptyGroup } from './builder/builder-tree';

export type DefinitionKind = SegmentDefinition['kind'];

/** Everything the editor holds for each kind, so switching kinds loses nothing. */
export interface DefinitionDraft {
  kind: DefinitionKind;
  builder: BuilderGroup;
  conditionText: string;
  idAttribute: string;
  /** null: keep the stored list (the server never sends ids back). */
  ids: string[] | null;
  storedIdCount: number;
  combinator: 'and' | 'or';
  include: string[];
  exclude: string[];
}

export const definitionKindLabels: Record<DefinitionKind, string> = {
  rules: 'Visual rules',
  ids: 'Id list',
  combination: 'Combination',
  condition: 'Advanced JSON',
};

export function draftFromSegment(segment: Segment | undefined): DefinitionDraft {
  const draft: DefinitionDraft = {
    kind: 'rules',
    builder: emptyGroup(),
    conditionText: '{\n  \n}',
    idAttribute: 'targetingKey',
    ids: [],
    storedIdCount: 0,
    combinator: 'or',
    include: [],
    exclude: [],
  };
  if (!segment) return draft;
  const definition = segment.definition;
  draft.kind = definition.kind;
  draft.conditionText = JSON.stringify(segment.compiled, null, 2);
  switch (definition.kind) {
    case 'rules':
      return { ...draft, builder: definition.builder };
    case 'condition':
      return { ...draft, conditionText: JSON.stringify(definition.condition, null, 2) };
    case 'ids':
      return { ...draft, idAttribute: definition.attribute, ids: null, storedIdCount: definition.idCount };
    case 'combination':
      return { ...draft, combinator: definition.combinator, include: definition.include, exclude: definition.exclude };
  }
}

export type DraftResult =
  | { ok: true; definition: SegmentDefinition | undefined }
  | { ok: false; errors: FieldError[] };

/**
 * The definition to send, checked with the same schema the server uses; errors carry server-style
 * paths ("definition.builder.children.0.value"). `definition` is undefined for an unchanged id list.
 */
export function definitionFromDraft(draft: DefinitionDraft): DraftResult {
  let candidate: unknown;
  switch (draft.kind) {
    case 'rules':
      candidate = { kind: 'rules', builder: draft.builder };
      break;
    case 'condition': {
      const parsed = parseJsonText(draft.conditionText);
      if (!parsed.ok) {
        return { ok: false, errors: [{ path: 'definition.condition', message: `${parsed.message} (line ${parsed.line}, column ${parsed.column})` }] };
      }
      candidate = { kind: 'condition', condition: parsed.value };
      break;
    }
    case 'ids':
      if (draft.ids === null) return { ok: true, definition: undefined };
      candidate = { kind: 'ids', attribute: draft.idAttribute, ids: draft.ids };
      break;
    case 'combination':
      candidate = { kind: 'combination', combinator: draft.combinator, include: draft.include, exclude: draft.exclude };
      break;
  }
  const result = segmentDefinitionSchema.safeParse(candidate);
  if (result.success) return { ok: true, definition: result.data };
  return {
    ok: false,
    errors: result.error.issues.flatMap((issue) =>
      withinBehaviourRule(candidate, issue).map((inner) => ({ path: ['definition', ...inner.path.map(String)].join('.'), message: inner.message })),
    ),
  };
}

type Issue = { code: string; path: PropertyKey[]; message: string };

/**
 * A builder child that is a rule of no kind ("Invalid input" on the whole row) when a behaviour
 * rule has a wrong type inside (an emptied number box): check it as a behaviour rule, so each
 * message lands beside its own field.
 */
function withinBehaviourRule(candidate: unknown, issue: Issue): Issue[] {
  if (issue.code !== 'invalid_union') return [issue];
  const node = issue.path.reduce<unknown>((value, key) => (value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined), candidate);
  if (node === null || typeof node !== 'object' || (node as { type?: unknown }).type !== 'behaviour') return [issue];
  const inner = behaviourRuleSchema.safeParse(node);
  return inner.success ? [issue] : inner.error.issues.map((found) => ({ ...found, path: [...issue.path, ...found.path] }));
}
