import { Group, Text, ThemeIcon } from '@mantine/core';
import { IconAdjustmentsHorizontal } from '@tabler/icons-react';

/** Product mark and name. Not a heading: each page has its own h1. */
export function Logo({ size = 'lg' }: { size?: 'md' | 'lg' }) {
  return (
    <Group gap="xs" wrap="nowrap">
      <ThemeIcon size={size === 'lg' ? 'lg' : 'md'} radius="md" variant="filled" aria-hidden>
        <IconAdjustmentsHorizontal size={18} />
      </ThemeIcon>
      <Text fw={700} size={size}>
        Switchboard
      </Text>
    </Group>
  );
}
