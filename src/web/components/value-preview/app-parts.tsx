import { Box, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { contrastRatio, normalizeHex } from './color-contrast';

// Pieces of an app screen drawn by previews. They are pictures, not controls: nothing here is
// focusable or clickable, so a preview never looks like something to press on the dashboard.

export const APP_TEXT_DIMMED = '#495057';

/** Black or white, whichever reads better on `background` (what a design system would pick). */
export function readableOn(background: string): string {
  const onWhite = contrastRatio('#FFFFFF', background) ?? 0;
  const onBlack = contrastRatio('#000000', background) ?? 0;
  return onWhite >= onBlack ? '#FFFFFF' : '#000000';
}

export function AppButton({ color, children, wide = true }: { color?: string | null; children: ReactNode; wide?: boolean }) {
  const background = (color && normalizeHex(color)) ?? '#228BE6';
  return (
    <Box
      data-app-button
      px="md"
      py={10}
      w={wide ? '100%' : undefined}
      style={{ background, color: readableOn(background), borderRadius: 10, textAlign: 'center', fontWeight: 600, fontSize: 14, overflowWrap: 'anywhere' }}
    >
      {children}
    </Box>
  );
}

export function AppScreen({ children, justify = 'space-between' }: { children: ReactNode; justify?: 'space-between' | 'flex-start' | 'center' }) {
  return (
    <Box p="md" style={{ flex: 1, display: 'flex', flexDirection: 'column', justifyContent: justify, gap: 12 }}>
      {children}
    </Box>
  );
}

export function AppTitle({ children }: { children: ReactNode }) {
  return (
    <Text fw={700} fz={20} lh={1.25} c="inherit" style={{ overflowWrap: 'anywhere' }}>
      {children}
    </Text>
  );
}

export function AppText({ children, size = 14 }: { children: ReactNode; size?: number }) {
  return (
    <Text fz={size} c={APP_TEXT_DIMMED} style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
      {children}
    </Text>
  );
}
