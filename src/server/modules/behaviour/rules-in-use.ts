import type { SegmentDefinition } from '../../../shared/contract/segments';
import { behaviourRulesInUse, type BehaviourRuleInUse } from '../../../shared/evaluation';
import type { Store } from '../../store/types';

/**
 * The behavioural rules of the active segments. The same as behaviourRulesInUse over
 * loadEvaluationSegments, without reading id lists (they hold no behavioural rules), since the
 * state asks whenever the configuration version moves.
 */
export async function rulesInUse(store: Store): Promise<BehaviourRuleInUse[]> {
  const records = await store.segments.list(false);
  return behaviourRulesInUse(records.filter((s) => s.definition.kind === 'rules').map((s) => ({ id: s.id, name: s.name, definition: s.definition as SegmentDefinition })));
}
