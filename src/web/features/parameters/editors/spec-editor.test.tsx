import { fireEvent, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { TypeSpec } from '../../../../shared/values';
import { SpecEditor } from './spec-editor';
import { renderWithMantine } from './test-utils';

let latest: TypeSpec | undefined;

function Harness({ initial, onInvalid }: { initial: TypeSpec; onInvalid?: (invalid: boolean) => void }) {
  const [spec, setSpec] = useState(initial);
  return (
    <SpecEditor
      spec={spec}
      onInvalid={onInvalid}
      onChange={(next) => {
        latest = next;
        setSpec(next);
      }}
    />
  );
}

describe('SpecEditor', () => {
  it('changing the type resets to that type’s default spec', async () => {
    const { user } = renderWithMantine(<Harness initial={{ type: 'string', maxLength: 10 }} />);
    await user.click(screen.getByRole('combobox', { name: 'Type' }));
    await user.click(screen.getByRole('option', { name: 'List' }));
    expect(latest).toEqual({ type: 'array', items: { type: 'string' } });
    expect(screen.getByRole('combobox', { name: 'Item type' })).toHaveValue('Text');

    await user.click(screen.getByRole('combobox', { name: 'Item type' }));
    await user.click(screen.getByRole('option', { name: 'Integer' }));
    expect(latest).toEqual({ type: 'array', items: { type: 'integer' } });
    await user.type(screen.getByRole('textbox', { name: 'Max items' }), '5');
    expect(latest).toEqual({ type: 'array', items: { type: 'integer' }, maxItems: 5 });
  });

  it('string constraints: max length, pattern with a regex check, allowed values', async () => {
    const { user } = renderWithMantine(<Harness initial={{ type: 'string' }} />);
    await user.type(screen.getByRole('textbox', { name: 'Max length' }), '40');
    expect(latest).toEqual({ type: 'string', maxLength: 40 });
    await user.click(screen.getByRole('textbox', { name: 'Pattern' }));
    await user.paste('([a-z');
    expect(screen.getByRole('textbox', { name: 'Pattern' })).toHaveAccessibleDescription(expect.stringContaining('Not a valid regular expression'));
    const allowed = screen.getByRole('combobox', { name: 'Allowed values' });
    await user.type(allowed, 'red{Enter}blue{Enter}');
    expect(latest).toMatchObject({ allowedValues: ['red', 'blue'] });
  });

  it('number bounds: flags a maximum below the minimum', async () => {
    const { user } = renderWithMantine(<Harness initial={{ type: 'integer', min: 5 }} />);
    await user.type(screen.getByRole('textbox', { name: 'Maximum' }), '1');
    expect(screen.getByRole('textbox', { name: 'Maximum' })).toHaveAccessibleDescription(expect.stringContaining('Must not be below the minimum'));
  });

  it('json: a schema that does not parse shows line and column and blocks saving', () => {
    const onInvalid = vi.fn();
    renderWithMantine(<Harness initial={{ type: 'json' }} onInvalid={onInvalid} />);
    const schema = screen.getByRole('textbox', { name: 'JSON Schema' });
    fireEvent.change(schema, { target: { value: '{ "type": }' } });
    expect(schema).toHaveAccessibleDescription(expect.stringMatching(/Line 1, column \d+/));
    expect(onInvalid).toHaveBeenLastCalledWith(true);
    fireEvent.change(schema, { target: { value: '{ "type": "object" }' } });
    expect(latest).toEqual({ type: 'json', schema: { type: 'object' } });
    expect(onInvalid).toHaveBeenLastCalledWith(false);
  });

  it('colour: allow transparency', async () => {
    const { user } = renderWithMantine(<Harness initial={{ type: 'color' }} />);
    await user.click(screen.getByRole('switch', { name: /Allow transparency/ }));
    expect(latest).toEqual({ type: 'color', allowAlpha: false });
  });
});
