import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { currentValue, EditorHarness, renderWithMantine } from './test-utils';

describe('scalar editors', () => {
  it('integer: keeps 1.5 as typed and says it must be a whole number, beside the input', async () => {
    const { user } = renderWithMantine(<EditorHarness spec={{ type: 'integer', min: 0, max: 10 }} initial={3} />);
    const input = screen.getByLabelText('Value');
    await user.clear(input);
    await user.type(input, '1.5');
    expect(currentValue()).toBe(1.5);
    expect(input).toHaveValue('1.5');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription(expect.stringContaining('Must be a whole number'));
    expect(screen.getByText('Must be a whole number')).toBeInTheDocument();
    expect(screen.getByText('Between 0 and 10')).toBeInTheDocument();

    await user.clear(input);
    await user.type(input, '12');
    expect(screen.getByText('Must be at most 10')).toBeInTheDocument();
    await user.clear(input);
    await user.type(input, '7');
    expect(input).not.toHaveAttribute('aria-invalid', 'true');
  });

  it('float: warns (not errors) when apps would read a rounded 32-bit value', async () => {
    const { user } = renderWithMantine(<EditorHarness spec={{ type: 'float' }} initial={0} />);
    const input = screen.getByLabelText('Value');
    await user.clear(input);
    await user.type(input, '0.1');
    expect(currentValue()).toBe(0.1);
    expect(screen.getByText(`Apps reading a 32-bit float get ${Math.fround(0.1)}`)).toBeInTheDocument();
    expect(screen.getByText('Warning:')).toBeInTheDocument();
    expect(input).not.toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription(expect.stringContaining('Apps reading a 32-bit float get'));

    await user.clear(input);
    await user.type(input, '0.5');
    expect(screen.queryByText(/Apps reading a 32-bit float/)).not.toBeInTheDocument();
  });

  it('number: reports a value off the step', async () => {
    const { user } = renderWithMantine(<EditorHarness spec={{ type: 'number', min: 0, step: 0.25 }} initial={1} />);
    const input = screen.getByLabelText('Value');
    await user.clear(input);
    await user.type(input, '1.3');
    expect(screen.getByText('Must be a multiple of 0.25')).toBeInTheDocument();
  });

  it('string: counts characters against maxLength and flags going over', async () => {
    const { user } = renderWithMantine(<EditorHarness spec={{ type: 'string', maxLength: 5 }} initial="" />);
    const input = screen.getByLabelText('Value');
    await user.type(input, 'hello!');
    expect(screen.getByText('6 / 5 characters')).toBeInTheDocument();
    expect(screen.getByText('Use at most 5 characters')).toBeInTheDocument();
  });

  it('string with allowed values: a Select of those values', async () => {
    const { user } = renderWithMantine(<EditorHarness spec={{ type: 'string', allowedValues: ['red', 'blue'] }} />);
    await user.click(screen.getByRole('combobox', { name: 'Value' }));
    await user.click(screen.getByRole('option', { name: 'blue' }));
    expect(currentValue()).toBe('blue');
  });

  it('boolean: a switch reading On or Off', async () => {
    const { user } = renderWithMantine(<EditorHarness spec={{ type: 'boolean' }} />);
    const toggle = screen.getByRole('switch', { name: 'Value' });
    expect(screen.getByTestId('switch-state')).toHaveTextContent('Off');
    await user.click(toggle);
    expect(currentValue()).toBe(true);
    expect(toggle).toBeChecked();
    expect(screen.getByTestId('switch-state')).toHaveTextContent('On');
  });

  it('shows server errors passed down for a nested path beside that input', () => {
    renderWithMantine(
      <EditorHarness
        spec={{ type: 'image' }}
        initial={{ url: 'https://cdn.example.com/a.png', alt: '' }}
        errors={[{ path: 'alt', message: 'Alt text is required by the brand guide' }]}
      />,
    );
    expect(screen.getByLabelText('Alt text')).toHaveAccessibleDescription(expect.stringContaining('Alt text is required by the brand guide'));
    expect(screen.getByText('Alt text is required by the brand guide')).toBeInTheDocument();
  });
});
