import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { TypeSpec } from '../../../../shared/values';
import { currentValue, EditorHarness, renderWithMantine } from './test-utils';
import { ValueEditor } from './value-editor';

const schemaSpec: TypeSpec = {
  type: 'json',
  schema: {
    type: 'object',
    required: ['screens'],
    properties: { screens: { type: 'array', items: { type: 'object', required: ['title'], properties: { title: { type: 'string' } } } } },
  },
};

describe('JsonEditor', () => {
  it('shows the line and column of a syntax error, keeps the text and blocks the value', async () => {
    const onInvalid = vi.fn();
    const onChange = vi.fn();
    const { user } = renderWithMantine(<EditorHarness spec={{ type: 'json' }} initial={{ a: 1 }} onInvalid={onInvalid} onChange={onChange} />);
    const textarea = screen.getByRole('textbox', { name: 'Value' });
    await user.clear(textarea);
    onChange.mockClear();
    await user.paste('{\n  "a": 1,\n  "b": }');

    expect(textarea).toHaveValue('{\n  "a": 1,\n  "b": }');
    expect(textarea).toHaveAttribute('aria-invalid', 'true');
    expect(textarea).toHaveAccessibleDescription(expect.stringMatching(/Line 3, column \d+: /));
    expect(onChange).not.toHaveBeenCalled();
    expect(currentValue()).toEqual({ a: 1 });
    expect(onInvalid).toHaveBeenLastCalledWith(true);

    fireEvent.change(textarea, { target: { value: '{ "a": 2 }' } });
    expect(currentValue()).toEqual({ a: 2 });
    expect(onInvalid).toHaveBeenLastCalledWith(false);
    expect(textarea).not.toHaveAttribute('aria-invalid', 'true');
  });

  it('lists JSON Schema errors by field path', () => {
    renderWithMantine(<EditorHarness spec={schemaSpec} initial={{ screens: [{ title: 'Welcome' }] }} />);
    const textarea = screen.getByRole('textbox', { name: 'Value' });
    expect(textarea).not.toHaveAttribute('aria-invalid', 'true');

    fireEvent.change(textarea, { target: { value: '{ "screens": [{ "title": "Hi" }, { "title": 5 }] }' } });
    expect(textarea).toHaveAttribute('aria-invalid', 'true');
    expect(textarea).toHaveAccessibleDescription(expect.stringContaining('screens.1.title: '));
    expect(screen.getByText(/^screens\.1\.title: /)).toBeInTheDocument();
  });

  it('follows a value changed from outside', () => {
    const { rerender } = renderWithMantine(<JsonProbe value={{ a: 1 }} />);
    rerender(<JsonProbe value={{ b: true }} />);
    expect(screen.getByRole('textbox', { name: 'Value' })).toHaveValue('{\n  "b": true\n}');
  });
});

function JsonProbe({ value }: { value: unknown }) {
  return <ValueEditor spec={{ type: 'json' }} value={value} onChange={() => undefined} label="Value" />;
}
