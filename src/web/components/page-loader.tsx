import { Center, Loader, Stack, Text } from '@mantine/core';

export interface PageLoaderProps {
  label?: string;
  /** Fill the whole viewport (before the shell exists) instead of the content area. */
  fullScreen?: boolean;
}

export function PageLoader({ label = 'Loading…', fullScreen = false }: PageLoaderProps) {
  return (
    <Center mih={fullScreen ? '100dvh' : 240} role="status" aria-live="polite">
      <Stack align="center" gap="xs">
        <Loader aria-hidden />
        <Text c="dimmed" size="sm">
          {label}
        </Text>
      </Stack>
    </Center>
  );
}
