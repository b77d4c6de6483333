import type { SegmentDefinition } from '../../shared/contract/segments';
import type { EvaluationSegment } from '../../shared/evaluation';
import type { SegmentRecord, Store } from '../store/types';

/** A stored segment's full definition: id lists come back from their own table. */
export async function fullDefinition(store: Store, segment: SegmentRecord): Promise<SegmentDefinition> {
  const d = segment.definition;
  return (d.kind === 'ids' ? { kind: 'ids', attribute: d.attribute, ids: await store.segments.getIds(segment.id) } : d) as SegmentDefinition;
}

/** Every active segment as evaluation needs it (the config cache, reach and "who is in it"). */
export async function loadEvaluationSegments(store: Store): Promise<EvaluationSegment[]> {
  const records = await store.segments.list(false);
  return Promise.all(records.map(async (s) => ({ id: s.id, name: s.name, definition: await fullDefinition(store, s) })));
}
