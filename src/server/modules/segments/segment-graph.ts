import type { SegmentDefinition } from '../../../shared/contract/segments';
import { referencedSavedGroups, compileBuilder, type Condition } from '../../../shared/targeting';
import type { SegmentRecord } from '../../store/types';

type AnyDefinition = SegmentDefinition | SegmentRecord['definition'];

/** The segments a definition refers to (combinations, and $inGroup/$savedGroup inside conditions). */
export function referencesOf(definition: AnyDefinition): string[] {
  switch (definition.kind) {
    case 'combination':
      return [...definition.include, ...definition.exclude];
    case 'condition':
      return [...referencedSavedGroups(definition.condition as Condition)];
    case 'rules':
      return [...referencedSavedGroups(compileBuilder(definition.builder))];
    case 'ids':
      return [];
  }
}

/** The path of a reference cycle through `startId` once it has `definition`, or null. */
export function findCycle(startId: string, definition: AnyDefinition, all: Map<string, AnyDefinition>): string[] | null {
  const graph = new Map(all);
  graph.set(startId, definition);
  const visit = (id: string, path: string[]): string[] | null => {
    for (const next of referencesOf(graph.get(id) ?? { kind: 'ids', attribute: '', idCount: 0 })) {
      if (next === startId) return [...path, next];
      if (path.includes(next)) continue;
      const found = visit(next, [...path, next]);
      if (found) return found;
    }
    return null;
  };
  return visit(startId, [startId]);
}

/** The condition document a stored segment stands for, as shown to marketers. */
export function compiledView(segment: Pick<SegmentRecord, 'id' | 'definition'>, now: Date): Record<string, unknown> {
  const d = segment.definition;
  switch (d.kind) {
    case 'rules':
      return compileBuilder(d.builder, now);
    case 'condition':
      return d.condition;
    case 'ids':
      return { [d.attribute]: { $inGroup: segment.id } };
    case 'combination': {
      const included = d.include.map((id) => ({ $savedGroup: { id } }));
      const base = d.combinator === 'and' ? { $and: included } : { $or: included };
      return d.exclude.length ? { $and: [base, { $nor: d.exclude.map((id) => ({ $savedGroup: { id } })) }] } : base;
    }
  }
}
