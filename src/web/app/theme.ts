import { CloseButton, createTheme, darken, type CSSVariablesResolver } from '@mantine/core';

/** One theme for light and dark; Mantine derives the dark palette from the same tokens. */
export const theme = createTheme({
  primaryColor: 'indigo',
  // Shade 7 keeps white text on primary buttons above 4.5:1 in both schemes.
  primaryShade: { light: 7, dark: 8 },
  defaultRadius: 'md',
  focusRing: 'auto',
  cursorType: 'pointer',
  respectReducedMotion: true,
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif' },
  components: {
    // Mantine's close buttons (modals, drawers, notifications) are icon-only with no accessible name.
    CloseButton: CloseButton.extend({ defaultProps: { attributes: { root: { 'aria-label': 'Close' } } } }),
  },
});

/**
 * WCAG AA contrast (4.5:1) fixes for Mantine's defaults, found by axe: the "dimmed" grey
 * (gray.6 on white 3.3:1; dark.2 on dark.7 4.0:1) and the error red (red.6 on white 3.3:1;
 * red.8 on dark.7 3.4:1), and primary-coloured text on the hovered "light" background
 * (indigo.9 on indigo.2, 4.1:1: an active nav link under the pointer).
 */
export const cssVariablesResolver: CSSVariablesResolver = (resolved) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    [`--mantine-color-${resolved.primaryColor}-light-color`]: darken(resolved.colors[resolved.primaryColor][9], 0.2),
  },
  dark: {
    '--mantine-color-dimmed': 'var(--mantine-color-dark-1)',
    '--mantine-color-error': 'var(--mantine-color-red-4)',
  },
});
