import { createTheme, type CSSVariablesResolver } from '@mantine/core';

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
});

/**
 * Mantine's default "dimmed" grey (gray.6 on white, 3.3:1) is below WCAG AA for body text;
 * gray.7 keeps the muted look at 7:1. Dark keeps Mantine's dark.2 (about 6:1 on dark.7).
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)' },
  dark: { '--mantine-color-dimmed': 'var(--mantine-color-dark-2)' },
});
