import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { currentValue, EditorHarness, renderWithMantine } from './test-utils';

describe('ArrayEditor', () => {
  it('adds, reorders and removes items', async () => {
    const { user } = renderWithMantine(<EditorHarness spec={{ type: 'array', items: { type: 'string' }, maxItems: 3 }} initial={['a', 'b']} />);
    await user.click(screen.getByRole('button', { name: 'Add item' }));
    expect(currentValue()).toEqual(['a', 'b', '']);
    await user.type(screen.getByRole('textbox', { name: 'Item 3' }), 'c');
    expect(currentValue()).toEqual(['a', 'b', 'c']);
    // At maxItems: no more adding.
    expect(screen.getByRole('button', { name: 'Add item' })).toBeDisabled();

    await user.click(screen.getByRole('button', { name: 'Move item 3 up' }));
    expect(currentValue()).toEqual(['a', 'c', 'b']);
    expect(screen.getByRole('textbox', { name: 'Item 2' })).toHaveValue('c');
    await user.click(screen.getByRole('button', { name: 'Move item 1 down' }));
    expect(currentValue()).toEqual(['c', 'a', 'b']);
    expect(screen.getByRole('button', { name: 'Move item 1 up' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Move item 3 down' })).toBeDisabled();

    await user.click(screen.getByRole('button', { name: 'Remove item 2' }));
    expect(currentValue()).toEqual(['c', 'b']);
    expect(screen.getByRole('button', { name: 'Add item' })).toBeEnabled();
  });

  it('respects minItems and shows item errors beside the item', async () => {
    const { user } = renderWithMantine(<EditorHarness spec={{ type: 'array', items: { type: 'integer', min: 0 }, minItems: 2 }} initial={[1, -2]} />);
    expect(screen.getByRole('button', { name: 'Remove item 1' })).toBeDisabled();
    expect(screen.getByRole('textbox', { name: 'Item 2' })).toHaveAccessibleDescription(expect.stringContaining('Must be at least 0'));
    expect(screen.getByRole('textbox', { name: 'Item 1' })).not.toHaveAttribute('aria-invalid', 'true');
    await user.click(screen.getByRole('button', { name: 'Add item' }));
    expect(currentValue()).toEqual([1, -2, 0]);
    expect(screen.getByRole('button', { name: 'Remove item 1' })).toBeEnabled();
  });
});

describe('MapEditor', () => {
  it('flags empty and repeated keys inline and holds the value until they are fixed', async () => {
    const onInvalid = vi.fn();
    const { user } = renderWithMantine(<EditorHarness spec={{ type: 'map', values: { type: 'integer' } }} initial={{ small: 1 }} onInvalid={onInvalid} />);
    await user.click(screen.getByRole('button', { name: 'Add entry' }));
    const key2 = screen.getByRole('textbox', { name: 'Key 2' });
    expect(key2).toHaveAccessibleDescription(expect.stringContaining('Enter a key'));
    expect(onInvalid).toHaveBeenLastCalledWith(true);

    await user.click(key2);
    await user.paste('small');
    expect(key2).toHaveAccessibleDescription(expect.stringContaining('This key is already used above'));
    expect(currentValue()).toEqual({ small: 1 });

    await user.clear(key2);
    await user.type(key2, 'large');
    expect(currentValue()).toEqual({ small: 1, large: 0 });
    expect(onInvalid).toHaveBeenLastCalledWith(false);

    await user.click(screen.getByRole('button', { name: 'Remove entry 1' }));
    expect(currentValue()).toEqual({ large: 0 });
  });
});

describe('RecommendationsEditor', () => {
  it('adds ids with Enter, refuses repeats, reorders and keeps the strategy', async () => {
    const { user } = renderWithMantine(<EditorHarness spec={{ type: 'recommendations', maxItems: 3 }} />);
    const input = screen.getByRole('textbox', { name: 'Item id' });
    await user.type(input, 'sku-1{Enter}');
    await user.type(input, 'sku-2');
    await user.click(screen.getByRole('button', { name: 'Add item' }));
    await user.type(input, 'sku-1{Enter}');
    expect(input).toHaveAccessibleDescription(expect.stringContaining('already in the list'));
    await user.click(screen.getByRole('button', { name: 'Move item 2 up' }));
    await user.type(screen.getByRole('textbox', { name: 'Strategy' }), 'popular');
    expect(currentValue()).toEqual({ items: ['sku-2', 'sku-1'], strategy: 'popular' });
  });
});
