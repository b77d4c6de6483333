import { Box, Text } from '@mantine/core';
import { IconFlask } from '@tabler/icons-react';

/** Only in `npm run dev:mock`: reminds that the "server" runs in this tab. Compiled away in production. */
export function MockBanner() {
  if (!import.meta.env.SWITCHBOARD_MOCK) return null;
  return (
    <Box
      role="note"
      px="md"
      py={6}
      bg="var(--mantine-color-yellow-light)"
      style={{ borderBottom: '1px solid var(--mantine-color-yellow-outline)' }}
    >
      <Text size="sm" ta="center">
        <IconFlask size={14} aria-hidden style={{ verticalAlign: 'middle', marginRight: 6 }} />
        <strong>Mock mode: data lives in this browser tab.</strong> It survives a reload of this tab, not other tabs.
      </Text>
    </Box>
  );
}
