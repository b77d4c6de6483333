import { Alert, Button, CopyButton, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconCheck, IconCopy, IconKey } from '@tabler/icons-react';
import type { ReactNode } from 'react';

export interface OneTimeSecretProps {
  title: string;
  /** Label of the read-only field holding the value, e.g. "Invite link". */
  label: string;
  value: string;
  copyLabel: string;
  children?: ReactNode;
  onDone: () => void;
  doneLabel?: string;
}

/** A value the server gives out once (invite link, token secret): shown with a copy button until dismissed. */
export function OneTimeSecret({ title, label, value, copyLabel, children, onDone, doneLabel = 'Done' }: OneTimeSecretProps) {
  return (
    // role="status": announced politely once it appears. The title keeps the body text colour: Mantine's
    // yellow-on-pale-yellow title is below 4.5:1.
    <Alert color="yellow" variant="light" title={title} icon={<IconKey aria-hidden />} role="status" styles={{ title: { color: 'var(--mantine-color-text)' } }}>
      <Stack gap="sm">
        {children && (
          <Text size="sm" component="div">
            {children}
          </Text>
        )}
        <Group align="flex-end" gap="xs" wrap="nowrap">
          <TextInput
            label={label}
            value={value}
            readOnly
            onFocus={(event) => event.currentTarget.select()}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            style={{ flex: 1, minWidth: 0 }}
          />
          <CopyButton value={value} timeout={2000}>
            {({ copied, copy }) => (
              <Button
                variant={copied ? 'light' : 'filled'}
                color={copied ? 'teal' : undefined}
                leftSection={copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
                onClick={copy}
              >
                {copied ? 'Copied' : copyLabel}
              </Button>
            )}
          </CopyButton>
        </Group>
        <Group justify="flex-end">
          <Button variant="default" size="xs" onClick={onDone}>
            {doneLabel}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
