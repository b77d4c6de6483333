import { Code, Stack, Text } from '@mantine/core';
import { useId } from 'react';

/** The condition document apps are matched with, read-only. */
export function CompiledCondition({ condition }: { condition: unknown }) {
  const labelId = useId();
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500} id={labelId}>
        Condition as apps receive it
      </Text>
      <Code block role="region" aria-labelledby={labelId} data-testid="compiled-condition" style={{ maxHeight: 320, overflow: 'auto' }} tabIndex={0}>
        {JSON.stringify(condition, null, 2)}
      </Code>
    </Stack>
  );
}
