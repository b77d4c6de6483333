import { Group, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, type ReactNode } from 'react';
import { useNavigationType } from 'react-router';

export interface PageHeaderProps {
  /** The page's one h1, also used for the document title. */
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
}

/**
 * The page heading. After an in-app navigation it takes focus, so keyboard and screen reader
 * users start reading the new page instead of staying on the link they pressed.
 */
export function PageHeader({ title, description, actions }: PageHeaderProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Only how this page was reached counts, not later navigations inside it (settings tabs).
  const arrivedBy = useRef(useNavigationType());
  useEffect(() => {
    if (arrivedBy.current !== 'POP') headingRef.current?.focus({ preventScroll: true });
  }, []);

  return (
    <Group justify="space-between" align="flex-start" mb="lg" wrap="wrap" gap="md">
      <title>{`${title} · Switchboard`}</title>
      {/* minWidth 0 lets a long name wrap instead of being cut at the edge of a phone screen. */}
      <Stack gap={4} style={{ minWidth: 0, flex: '1 1 16rem' }}>
        <Title order={1} ref={headingRef} tabIndex={-1} style={{ outline: 'none', overflowWrap: 'anywhere' }}>
          {title}
        </Title>
        {description && <Text c="dimmed">{description}</Text>}
      </Stack>
      {actions}
    </Group>
  );
}
