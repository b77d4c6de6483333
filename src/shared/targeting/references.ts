import type { Condition } from './types';

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isOperatorObject(v: Record<string, unknown>): boolean {
  const keys = Object.keys(v);
  return keys.length > 0 && keys.every((k) => k.startsWith('$'));
}

/**
 * Saved-group ids a condition refers to through $inGroup, $notInGroup or $savedGroup,
 * found only where evaluation would interpret them (not inside literal values), so
 * that segment dependency graphs can be checked for cycles.
 */
export function referencedSavedGroups(condition: Condition): Set<string> {
  const ids = new Set<string>();
  walkDoc(condition, ids);
  return ids;
}

function walkDoc(doc: unknown, ids: Set<string>): void {
  if (!isPlainObject(doc)) return;
  for (const [key, value] of Object.entries(doc)) {
    if (key === '$or' || key === '$and' || key === '$nor') {
      if (Array.isArray(value)) for (const item of value) walkDoc(item, ids);
    } else if (key === '$not') {
      walkDoc(value, ids);
    } else if (key === '$savedGroup') {
      if (isPlainObject(value) && typeof value.id === 'string') ids.add(value.id);
    } else {
      walkValue(value, ids);
    }
  }
}

function walkValue(value: unknown, ids: Set<string>): void {
  if (!isPlainObject(value) || !isOperatorObject(value)) return;
  for (const [op, operand] of Object.entries(value)) {
    switch (op) {
      case '$inGroup':
      case '$notInGroup':
        if (typeof operand === 'string') ids.add(operand);
        break;
      case '$not':
      case '$size':
        walkValue(operand, ids);
        break;
      case '$all':
      case '$alli':
        if (Array.isArray(operand)) for (const item of operand) walkValue(item, ids);
        break;
      case '$elemMatch':
        if (isPlainObject(operand)) {
          if (isOperatorObject(operand)) walkValue(operand, ids);
          else walkDoc(operand, ids);
        }
        break;
    }
  }
}
