import { Box, ColorSwatch, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { normalizeHex } from './color-contrast';
import { ContrastReport } from './contrast-report';
import { asRecord } from './object-value';

/** Only http(s) URLs reach src attributes: never javascript:, data: or relative paths from a value. */
export function safeUrl(value: unknown): string | undefined {
  if (typeof value !== 'string' || !/^https?:\/\//i.test(value) || !URL.canParse(value)) return undefined;
  return value;
}

const dimension = (value: unknown) => (typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined);

export function Unpreviewable({ what }: { what: string }) {
  return (
    <Text size="sm" c="dimmed" fs="italic">
      No preview: {what}
    </Text>
  );
}

export function ColorPreview({ value }: { value: unknown }) {
  const hex = typeof value === 'string' ? normalizeHex(value) : null;
  if (!hex) return <Unpreviewable what="not a hex colour" />;
  return (
    <Stack gap={4}>
      <Group gap="xs">
        <ColorSwatch color={hex} size={28} aria-hidden />
        <Text ff="monospace" size="sm">
          {hex}
        </Text>
      </Group>
      <ContrastReport foreground={hex} background="#FFFFFF" backgroundName="white" />
      <ContrastReport foreground={hex} background="#000000" backgroundName="black" />
    </Stack>
  );
}

export function ImagePreview({ value }: { value: unknown }) {
  const image = asRecord(value);
  const src = safeUrl(image.url);
  // Remember which URL failed, so a new URL gets a fresh try.
  const [failedSrc, setFailedSrc] = useState<string | null>(null);
  if (!src) return <Unpreviewable what="the image needs a full http(s) URL" />;
  if (failedSrc === src) {
    return (
      <Text size="sm" c="dimmed" role="status">
        The image could not be loaded from {src}
      </Text>
    );
  }
  const width = dimension(image.width);
  const height = dimension(image.height);
  return (
    <Box maw="100%">
      <img
        src={src}
        alt={typeof image.alt === 'string' ? image.alt : ''}
        width={width}
        height={height}
        loading="lazy"
        decoding="async"
        referrerPolicy="no-referrer"
        onError={() => setFailedSrc(src)}
        style={{ maxWidth: '100%', maxHeight: 320, height: 'auto', objectFit: 'contain', display: 'block' }}
      />
    </Box>
  );
}

export function VideoPreview({ value }: { value: unknown }) {
  const video = asRecord(value);
  const src = safeUrl(video.url);
  if (!src) return <Unpreviewable what="the video needs a full http(s) URL" />;
  const autoplay = video.autoplay === true;
  const loop = video.loop === true;
  return (
    <Stack gap={4}>
      {/* No autoplay in the dashboard: apps autoplay, the preview waits for a click. */}
      <video
        src={src}
        poster={safeUrl(video.poster)}
        controls
        muted={autoplay}
        loop={loop}
        preload="metadata"
        style={{ maxWidth: '100%', maxHeight: 320, display: 'block' }}
      />
      <Text size="xs" c="dimmed">
        In apps: {autoplay ? 'plays automatically, muted' : 'plays when tapped'}
        {loop ? ', loops' : ''}
      </Text>
    </Stack>
  );
}

export const SAMPLE_TEXT = 'The quick brown fox';

export function TextStylePreview({ value }: { value: unknown }) {
  const style = asRecord(value);
  const color = typeof style.color === 'string' ? normalizeHex(style.color) : null;
  const background = typeof style.backgroundColor === 'string' ? normalizeHex(style.backgroundColor) : null;
  const fontSize = typeof style.fontSize === 'number' && style.fontSize >= 4 && style.fontSize <= 400 ? style.fontSize : 16;
  const fontWeight = typeof style.fontWeight === 'number' ? style.fontWeight : 400;
  return (
    <Stack gap={4}>
      <Box
        p="sm"
        style={{
          fontSize,
          fontWeight,
          color: color ?? undefined,
          backgroundColor: background ?? '#FFFFFF',
          lineHeight: 1.3,
          borderRadius: 'var(--mantine-radius-sm)',
          border: '1px solid var(--mantine-color-default-border)',
          overflowWrap: 'anywhere',
        }}
      >
        {SAMPLE_TEXT}
      </Box>
      <Text size="xs" c="dimmed">
        {fontSize}px, weight {fontWeight}
        {color ? `, ${color}` : ''}
        {background ? ` on ${background}` : ''}
      </Text>
      {color ? <ContrastReport foreground={color} background={background ?? '#FFFFFF'} backgroundName={background ?? 'white'} /> : null}
    </Stack>
  );
}
