import type { Experiment } from '../../../../shared/contract/experiments';
import type { SegmentDefinition } from '../../../../shared/contract/segments';

export type Audience = Experiment['audience'];

/**
 * The audience as a segment definition, so POST /api/segments/reach can estimate it: everyone is the
 * empty condition, a saved segment is a combination of that one segment. null while incomplete.
 */
export function audienceDefinition(audience: Audience): SegmentDefinition | null {
  switch (audience.kind) {
    case 'everyone':
      return { kind: 'condition', condition: {} };
    case 'segment':
      return audience.segmentId ? { kind: 'combination', combinator: 'or', include: [audience.segmentId], exclude: [] } : null;
    case 'condition':
      return { kind: 'condition', condition: audience.condition };
  }
}

/** "Everyone", "Segment: Engaged DACH users", "Custom condition". */
export function describeAudience(audience: Audience, segmentNames: ReadonlyMap<string, string>): string {
  switch (audience.kind) {
    case 'everyone':
      return 'Everyone';
    case 'segment':
      return `Segment: ${segmentNames.get(audience.segmentId) ?? 'unknown segment'}`;
    case 'condition':
      return 'Custom condition';
  }
}

const count = (n: number) => Math.round(n).toLocaleString('en');

/** "≈ 1,234 of 5,678 known users (21.7%)": users seen in the last 30 days the audience matches. */
export function formatReachShort(reach: { matched: number; total: number; share: number; exact: boolean }): string {
  if (reach.total === 0) return 'not known yet: no users seen in the last 30 days';
  return `${reach.exact ? '' : '≈ '}${count(reach.matched)} of ${count(reach.total)} known users (${(reach.share * 100).toFixed(1)}%)`;
}
