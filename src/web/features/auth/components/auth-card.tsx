import { Box, Center, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Logo } from '../../../components/logo';
import { MockBanner } from '../../../components/mock-banner';
import { MAIN_CONTENT_ID } from '../../../components/skip-link';

export interface AuthCardProps {
  /** The page's h1. */
  title: string;
  description?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
}

/** The frame of the signed-out pages (sign in, first-run setup, accept invite). */
export function AuthCard({ title, description, children, footer }: AuthCardProps) {
  return (
    <Box mih="100dvh" bg="var(--mantine-color-default-hover)">
      <MockBanner />
      <Center component="main" id={MAIN_CONTENT_ID} tabIndex={-1} px="md" py={48}>
        <Stack w="100%" maw={440} gap="lg">
          <title>{`${title} · Switchboard`}</title>
          <Center>
            <Logo />
          </Center>
          <Paper withBorder shadow="sm" p="xl">
            <Stack gap="lg">
              <Stack gap={4}>
                <Title order={1} size="h2">
                  {title}
                </Title>
                {description && (
                  <Text c="dimmed" size="sm">
                    {description}
                  </Text>
                )}
              </Stack>
              {children}
            </Stack>
          </Paper>
          {footer && (
            <Text size="sm" ta="center">
              {footer}
            </Text>
          )}
        </Stack>
      </Center>
    </Box>
  );
}
