import { humanizeKey } from '../../../../shared/values';

// Version diffs name fields by their stored path ("defaultValue.trialDays", "rules.0.rollout");
// the history says them in words ("Default value › Trial days", "Rule 1 › Share of the audience").

const topLevel: Record<string, string> = {
  defaultValue: 'Default value',
  name: 'Name',
  description: 'Description',
  tags: 'Tags',
  spec: 'Type and limits',
  rules: 'Targeting rules',
  killed: 'Kill switch',
  archivedAt: 'Archived',
  key: 'Key',
};

const ruleFields: Record<string, string> = {
  value: 'Value',
  rollout: 'Share of the audience (%)',
  enabled: 'On',
  audience: 'Who',
  description: 'Description',
  segmentId: 'Segment',
  condition: 'Condition',
  kind: 'Kind',
};

const part = (segment: string) => (/^\d+$/.test(segment) ? `Item ${Number(segment) + 1}` : humanizeKey(segment));

/** A diff path in words; '' is the value itself. */
export function changeLabel(path: string): string {
  if (path === '') return 'Value';
  const [head, ...rest] = path.split('.');
  if (head === 'rules' && rest.length > 0 && /^\d+$/.test(rest[0])) {
    const [index, ...inside] = rest;
    return [`Rule ${Number(index) + 1}`, ...inside.map((segment) => ruleFields[segment] ?? part(segment))].join(' › ');
  }
  return [topLevel[head] ?? part(head), ...rest.map(part)].join(' › ');
}
