import { Fieldset, Input, Stack, Text } from '@mantine/core';
import { useId, type ReactNode } from 'react';

export interface EditorFieldsetProps {
  legend: ReactNode;
  description?: ReactNode;
  /** A problem with the group as a whole (e.g. "Needs at least 2 items"). */
  error?: string;
  disabled?: boolean;
  children: ReactNode;
}

/** A labelled group of inputs for a structured value, with its own description and error. */
export function EditorFieldset({ legend, description, error, disabled, children }: EditorFieldsetProps) {
  const id = useId();
  const describedBy = [description ? `${id}-description` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <Fieldset legend={legend} disabled={disabled} aria-describedby={describedBy || undefined} variant="default" p="sm">
      <Stack gap="sm">
        {description ? (
          <Text id={`${id}-description`} size="xs" c="dimmed" component="div">
            {description}
          </Text>
        ) : null}
        {error ? <Input.Error id={`${id}-error`}>{error}</Input.Error> : null}
        {children}
      </Stack>
    </Fieldset>
  );
}
