import { MantineProvider } from '@mantine/core';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import type { TargetingRuleInput } from '../../../../shared/contract/parameters';
import type { TypeSpec } from '../../../../shared/values';
import { TargetingRulesEditor } from './targeting-rules-editor';

if (!('fonts' in document)) {
  Object.defineProperty(document, 'fonts', {
    configurable: true,
    value: { addEventListener: () => undefined, removeEventListener: () => undefined, ready: Promise.resolve() },
  });
}

const spec: TypeSpec = { type: 'string' };
const segments = [
  { id: 'seg-de', name: 'Germany' },
  { id: 'seg-vip', name: 'VIPs' },
];
const initial: TargetingRuleInput[] = [
  { id: 'first', description: 'Germans', audience: { kind: 'segment', segmentId: 'seg-de' }, value: 'hallo', rollout: 100, enabled: true },
  { id: 'second', description: 'VIPs', audience: { kind: 'segment', segmentId: 'seg-vip' }, value: 'hello vip', rollout: 100, enabled: true },
];

let latest: TargetingRuleInput[] = [];
function Harness({ errors }: { errors?: { path: string; message: string }[] }) {
  const [rules, setRules] = useState(initial);
  return (
    <TargetingRulesEditor
      spec={spec}
      rules={rules}
      segments={segments}
      errors={errors}
      onChange={(next) => {
        latest = next;
        setRules(next);
      }}
    />
  );
}

function renderEditor(errors?: { path: string; message: string }[]) {
  const user = userEvent.setup();
  render(
    <MantineProvider env="test">
      <Harness errors={errors} />
    </MantineProvider>,
  );
  return user;
}

describe('TargetingRulesEditor', () => {
  it('reorders rules with the move buttons and edits a rollout', async () => {
    const user = renderEditor();
    const list = screen.getByRole('list', { name: 'Targeting rules' });
    expect(within(list).getAllByRole('listitem').map((item) => within(item).getByRole('textbox', { name: 'Description' })).map((input) => (input as HTMLInputElement).value)).toEqual([
      'Germans',
      'VIPs',
    ]);

    await user.click(screen.getByRole('button', { name: 'Move rule 2 up' }));
    expect(latest.map((rule) => rule.id)).toEqual(['second', 'first']);
    expect(within(screen.getByRole('listitem', { name: 'Rule 1' })).getByRole('textbox', { name: 'Description' })).toHaveValue('VIPs');
    expect(screen.getByRole('button', { name: 'Move rule 1 up' })).toBeDisabled();

    const rule2 = screen.getByRole('listitem', { name: 'Rule 2' });
    const rollout = within(rule2).getByRole('textbox', { name: /Rollout/ });
    await user.clear(rollout);
    await user.type(rollout, '30');
    expect(latest[1]).toMatchObject({ id: 'first', rollout: 30 });
    expect(within(rule2).getByRole('slider', { name: 'Rule 2 rollout' })).toHaveAttribute('aria-valuenow', '30');
  });

  it('adds, switches audience, turns off and removes a rule', async () => {
    const user = renderEditor();
    await user.click(screen.getByRole('button', { name: 'Add rule' }));
    const rule3 = screen.getByRole('listitem', { name: 'Rule 3' });
    expect(latest[2]).toMatchObject({ audience: { kind: 'everyone' }, rollout: 100, enabled: true, value: '' });

    await user.click(within(rule3).getByRole('radio', { name: 'Segment' }));
    await user.selectOptions(within(rule3).getByRole('combobox', { name: 'Segment' }), 'seg-vip');
    expect(latest[2].audience).toEqual({ kind: 'segment', segmentId: 'seg-vip' });

    await user.click(within(rule3).getByRole('switch', { name: 'Enabled' }));
    expect(latest[2].enabled).toBe(false);

    await user.click(screen.getByRole('button', { name: 'Remove rule 1' }));
    expect(latest.map((rule) => rule.id)).toEqual(['second', expect.any(String)]);
  });

  it('shows server errors beside the right rule', () => {
    renderEditor([{ path: '1.audience.segmentId', message: 'Unknown or archived segment' }]);
    const rule2 = screen.getByRole('listitem', { name: 'Rule 2' });
    expect(within(rule2).getByText('Unknown or archived segment')).toBeInTheDocument();
  });
});
