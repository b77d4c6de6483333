import { Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { ReactNode } from 'react';

/** A warning line: icon, the word "Warning" and the message, in the warning colour (never colour alone). */
export function WarningText({ children }: { children: ReactNode }) {
  return (
    <Text component="span" size="xs" c="orange.9" style={{ display: 'flex', gap: 4, alignItems: 'flex-start' }}>
      <IconAlertTriangle size={14} aria-hidden style={{ flexShrink: 0, marginTop: 1 }} />
      <span>
        <strong>Warning:</strong> {children}
      </span>
    </Text>
  );
}

/**
 * A Mantine `description` holding the hint and any warnings, so both are announced with the input
 * (Mantine links the description to the input with aria-describedby).
 */
export function fieldDescription(hints: ReadonlyArray<ReactNode>, warnings: readonly string[] = []): ReactNode {
  const parts = hints.filter((hint) => hint !== undefined && hint !== null && hint !== false && hint !== '');
  if (parts.length === 0 && warnings.length === 0) return undefined;
  return (
    <>
      {parts.map((part, index) => (
        <Text component="span" size="xs" key={index} style={{ display: 'block' }}>
          {part}
        </Text>
      ))}
      {warnings.map((warning) => (
        <WarningText key={warning}>{warning}</WarningText>
      ))}
    </>
  );
}
