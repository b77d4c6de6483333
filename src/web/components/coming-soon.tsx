import { EmptyState, Paper } from '@mantine/core';
import { IconHourglassEmpty } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { PageHeader } from './page-header';

export interface ComingSoonProps {
  title: string;
  /** One plain sentence: what is missing and when it arrives. */
  message: string;
  children?: ReactNode;
}

/** A section that is not built yet: says so plainly, shows no sample data. */
export function ComingSoon({ title, message, children }: ComingSoonProps) {
  return (
    <>
      <PageHeader title={title} />
      <Paper withBorder p="xl">
        <EmptyState
          icon={<IconHourglassEmpty size={32} aria-hidden />}
          withIndicatorBackground
          title="Not available yet"
          description={message}
        >
          {children}
        </EmptyState>
      </Paper>
    </>
  );
}
