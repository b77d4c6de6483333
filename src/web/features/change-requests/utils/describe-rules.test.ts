import { describe, expect, it } from 'vitest';
import { diffRules } from './describe-rules';

const names = (id: string) => ({ vip: 'VIP customers' })[id];
const vip = { id: 'r1', description: '', audience: { kind: 'segment', segmentId: 'vip' }, value: 'Gold', rollout: 100, enabled: true };
const everyone = { id: 'r2', description: 'Launch', audience: { kind: 'everyone' }, value: 'Blue', rollout: 50, enabled: true };

describe('diffRules', () => {
  it('describes added, removed and changed rules in words', () => {
    const changes = diffRules([vip], [{ ...vip, value: 'Platinum', rollout: 20 }, everyone], names);
    expect(changes).toEqual([
      { kind: 'changed', position: 1, text: 'segment “VIP customers” gets "Platinum" for 20% of them (value "Gold" → "Platinum"; rollout 100% → 20%)' },
      { kind: 'added', position: 2, text: '“Launch”: everyone gets "Blue" for 50% of them' },
    ]);
    expect(diffRules([vip, everyone], [everyone], names)).toEqual([
      { kind: 'moved', position: 1, text: '“Launch”: everyone gets "Blue" for 50% of them (moved from position 2)' },
      { kind: 'removed', position: 1, text: 'segment “VIP customers” gets "Gold"' },
    ]);
  });

  it('finds nothing when the rules are the same', () => {
    expect(diffRules([vip, everyone], [vip, everyone], names)).toEqual([]);
  });
});
