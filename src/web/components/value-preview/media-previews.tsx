import { Box, ColorSwatch, Group, Stack, Text } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { normalizeHex } from './color-contrast';
import { AppButton, AppScreen } from './app-parts';
import { ContrastReport } from './contrast-report';
import { DeviceFrame, type Device } from './device-frame';
import { asRecord } from './value-shape';

/** `content` in a device frame (centred on an app screen) when a device is given, else as it is. */
function Framed({ device, label, children }: { device?: Device; label: string; children: ReactNode }) {
  if (!device) return <>{children}</>;
  return (
    <DeviceFrame device={device} label={label}>
      <AppScreen justify="center">{children}</AppScreen>
    </DeviceFrame>
  );
}

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

/** A colour as apps use it: on a button, with its swatch, hex code and contrast against white and black. */
export function ColorPreview({ value, device }: { value: unknown; device?: Device }) {
  const hex = typeof value === 'string' ? normalizeHex(value) : null;
  if (!hex) return <Unpreviewable what="not a hex colour" />;
  return (
    <Stack gap={6} align="flex-start">
      {device ? (
        <DeviceFrame device={device} label="Colour">
          <AppScreen justify="center">
            <AppButton color={hex}>Buy now</AppButton>
            <Box aria-hidden h={40} style={{ borderRadius: 8, background: hex }} />
          </AppScreen>
        </DeviceFrame>
      ) : (
        <AppButton color={hex} wide={false}>
          Buy now
        </AppButton>
      )}
      <Group gap="xs">
        <ColorSwatch color={hex} size={24} aria-hidden />
        <Text ff="monospace" size="sm">
          {hex}
        </Text>
      </Group>
      <ContrastReport foreground={hex} background="#FFFFFF" backgroundName="white" />
      <ContrastReport foreground={hex} background="#000000" backgroundName="black" />
    </Stack>
  );
}

export function ImagePreview({ value, device }: { value: unknown; device?: Device }) {
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
    <Framed device={device} label="Image">
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
    </Framed>
  );
}

export function VideoPreview({ value, device }: { value: unknown; device?: Device }) {
  const video = asRecord(value);
  const src = safeUrl(video.url);
  if (!src) return <Unpreviewable what="the video needs a full http(s) URL" />;
  const autoplay = video.autoplay === true;
  const loop = video.loop === true;
  return (
    <Stack gap={4}>
      {/* No autoplay in the dashboard: apps autoplay, the preview waits for a click. */}
      <Framed device={device} label="Video">
        <video
        src={src}
        poster={safeUrl(video.poster)}
        controls
        muted={autoplay}
        loop={loop}
        preload="metadata"
          style={{ maxWidth: '100%', maxHeight: 320, display: 'block' }}
        />
      </Framed>
      <Text size="xs" c="dimmed">
        In apps: {autoplay ? 'plays automatically, muted' : 'plays when tapped'}
        {loop ? ', loops' : ''}
      </Text>
    </Stack>
  );
}

export const SAMPLE_TEXT = 'The quick brown fox';

export function TextStylePreview({ value, device }: { value: unknown; device?: Device }) {
  const style = asRecord(value);
  const color = typeof style.color === 'string' ? normalizeHex(style.color) : null;
  const background = typeof style.backgroundColor === 'string' ? normalizeHex(style.backgroundColor) : null;
  const fontSize = typeof style.fontSize === 'number' && style.fontSize >= 4 && style.fontSize <= 400 ? style.fontSize : 16;
  const fontWeight = typeof style.fontWeight === 'number' ? style.fontWeight : 400;
  return (
    <Stack gap={4}>
      <Framed device={device} label="Text style">
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
      </Framed>
      <Text size="xs" c="dimmed">
        {fontSize}px, weight {fontWeight}
        {color ? `, ${color}` : ''}
        {background ? ` on ${background}` : ''}
      </Text>
      {color ? <ContrastReport foreground={color} background={background ?? '#FFFFFF'} backgroundName={background ?? 'white'} /> : null}
    </Stack>
  );
}
