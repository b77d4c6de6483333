import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { contrastLevels, contrastRatio, formatRatio, relativeLuminance, toStoredHex } from '../../../components/value-preview/color-contrast';
import { currentValue, EditorHarness, renderWithMantine } from './test-utils';

describe('colour contrast maths', () => {
  it('follows WCAG: black on white is 21:1, a colour on itself 1:1', () => {
    expect(relativeLuminance({ r: 255, g: 255, b: 255 })).toBeCloseTo(1);
    expect(relativeLuminance({ r: 0, g: 0, b: 0 })).toBe(0);
    expect(contrastRatio('#000000', '#FFFFFF')).toBeCloseTo(21);
    expect(contrastRatio('#1C7ED6', '#1C7ED6')).toBeCloseTo(1);
    // #767676 is the classic lightest grey passing AA on white (4.54:1).
    expect(formatRatio(contrastRatio('#767676', '#FFFFFF') ?? 0)).toBe('4.54:1');
    expect(contrastLevels(4.54)).toEqual({ aa: true, aaa: false, aaLarge: true });
    // Fully transparent text is the background: no contrast at all.
    expect(contrastRatio('#00000000', '#FFFFFF')).toBeCloseTo(1);
    expect(contrastRatio('#GGG', '#FFFFFF')).toBeNull();
  });

  it('stores colours in upper case, opaque ones without alpha', () => {
    expect(toStoredHex('#1c7ed6ff')).toBe('#1C7ED6');
    expect(toStoredHex('#1c7ed680')).toBe('#1C7ED680');
    expect(toStoredHex('#abcdef')).toBe('#ABCDEF');
    expect(toStoredHex('#GGG')).toBeNull();
  });
});

describe('ColorEditor', () => {
  it('refuses #GGG with an inline error and stores valid colours in upper case', async () => {
    const { user } = renderWithMantine(<EditorHarness spec={{ type: 'color', allowAlpha: false }} initial="#1C7ED6" />);
    const input = screen.getByRole('textbox', { name: 'Value' });
    await user.clear(input);
    await user.type(input, '#GGG');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription(expect.stringContaining('Not a valid hex colour'));
    expect(screen.queryByRole('group', { name: 'Contrast' })).not.toBeInTheDocument();

    await user.clear(input);
    await user.type(input, '#ff0000');
    expect(currentValue()).toBe('#FF0000');
    expect(input).not.toHaveAttribute('aria-invalid', 'true');
  });

  it('shows the contrast ratio with pass/fail in words, against white or black', async () => {
    const { user } = renderWithMantine(<EditorHarness spec={{ type: 'color' }} initial="#767676" />);
    const report = screen.getByRole('group', { name: 'Contrast' });
    expect(report).toHaveTextContent('Contrast 4.54:1 on white');
    expect(within(report).getByText('AA: pass')).toBeInTheDocument();
    expect(within(report).getByText('AAA: fail')).toBeInTheDocument();

    await user.click(screen.getByRole('radio', { name: 'Black' }));
    expect(screen.getByRole('group', { name: 'Contrast' })).toHaveTextContent('Contrast 4.62:1 on black');
  });

  it('flags transparency when the spec does not allow it', async () => {
    const { user } = renderWithMantine(<EditorHarness spec={{ type: 'color', allowAlpha: false }} initial="#1C7ED6" />);
    const input = screen.getByRole('textbox', { name: 'Value' });
    await user.clear(input);
    await user.type(input, '#11223344');
    expect(screen.getByText('This colour does not allow transparency')).toBeInTheDocument();
  });
});
