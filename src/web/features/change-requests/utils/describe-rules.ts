/** Targeting rules as a change request shows them: each added, removed or changed rule in words. */

export interface RuleLike {
  id?: string;
  description?: string;
  audience?: { kind: string; segmentId?: string; condition?: unknown };
  value?: unknown;
  rollout?: number;
  enabled?: boolean;
}

export type SegmentName = (id: string) => string | undefined;

export interface RuleChange {
  kind: 'added' | 'removed' | 'changed' | 'moved';
  /** Position (1-based) in the proposed rules, or in the current ones when removed. */
  position: number;
  text: string;
}

function short(value: unknown): string {
  const text = typeof value === 'string' ? `"${value}"` : JSON.stringify(value);
  if (text === undefined) return 'nothing';
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

function asRule(value: unknown): RuleLike {
  return typeof value === 'object' && value !== null ? (value as RuleLike) : {};
}

export function describeAudience(rule: RuleLike, segmentName: SegmentName): string {
  const audience = rule.audience;
  if (!audience || audience.kind === 'everyone') return 'everyone';
  if (audience.kind === 'segment') return `segment “${segmentName(audience.segmentId ?? '') ?? audience.segmentId ?? 'unknown'}”`;
  return `users matching ${short(audience.condition)}`;
}

export function describeRule(rule: RuleLike, segmentName: SegmentName): string {
  const rollout = rule.rollout ?? 100;
  const parts = [`${describeAudience(rule, segmentName)} gets ${short(rule.value)}`];
  if (rollout < 100) parts.push(`for ${rollout}% of them`);
  const text = `${rule.description ? `“${rule.description}”: ` : ''}${parts.join(' ')}`;
  return rule.enabled === false ? `${text} (turned off)` : text;
}

function whatChanged(before: RuleLike, after: RuleLike, segmentName: SegmentName): string[] {
  const changes: string[] = [];
  if (JSON.stringify(before.audience) !== JSON.stringify(after.audience))
    changes.push(`audience ${describeAudience(before, segmentName)} → ${describeAudience(after, segmentName)}`);
  if (JSON.stringify(before.value) !== JSON.stringify(after.value)) changes.push(`value ${short(before.value)} → ${short(after.value)}`);
  if ((before.rollout ?? 100) !== (after.rollout ?? 100)) changes.push(`rollout ${before.rollout ?? 100}% → ${after.rollout ?? 100}%`);
  if ((before.enabled ?? true) !== (after.enabled ?? true)) changes.push(after.enabled === false ? 'turned off' : 'turned on');
  if ((before.description ?? '') !== (after.description ?? '')) changes.push(`description “${before.description ?? ''}” → “${after.description ?? ''}”`);
  return changes;
}

/** Rules are matched by id (rules without one compare by position). */
export function diffRules(beforeRules: unknown[], afterRules: unknown[], segmentName: SegmentName): RuleChange[] {
  const before = beforeRules.map(asRule);
  const after = afterRules.map(asRule);
  const keyOf = (rule: RuleLike, index: number) => rule.id ?? `#${index}`;
  const beforeByKey = new Map(before.map((rule, index) => [keyOf(rule, index), { rule, index }]));
  const afterKeys = new Set(after.map(keyOf));
  const changes: RuleChange[] = [];
  after.forEach((rule, index) => {
    const previous = beforeByKey.get(keyOf(rule, index));
    if (!previous) return changes.push({ kind: 'added', position: index + 1, text: describeRule(rule, segmentName) });
    const changed = whatChanged(previous.rule, rule, segmentName);
    if (changed.length > 0) changes.push({ kind: 'changed', position: index + 1, text: `${describeRule(rule, segmentName)} (${changed.join('; ')})` });
    else if (previous.index !== index) changes.push({ kind: 'moved', position: index + 1, text: `${describeRule(rule, segmentName)} (moved from position ${previous.index + 1})` });
    return undefined;
  });
  before.forEach((rule, index) => {
    if (!afterKeys.has(keyOf(rule, index))) changes.push({ kind: 'removed', position: index + 1, text: describeRule(rule, segmentName) });
  });
  return changes;
}
