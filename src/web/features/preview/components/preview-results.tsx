import { Badge, Code, EmptyState, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconAdjustments } from '@tabler/icons-react';
import type { Preview } from '../../../../shared/contract/preview';
import { TraceSteps } from './trace-steps';

const reasonColors: Record<string, string> = {
  TARGETING_MATCH: 'teal',
  SPLIT: 'grape',
  DEFAULT: 'gray',
  STATIC: 'gray',
  DISABLED: 'red',
  ERROR: 'red',
};

const show = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value, null, 2));

/** Every parameter's value for the context, with its variant, reason and trace. */
export function PreviewResults({ preview }: { preview: Preview }) {
  if (preview.results.length === 0) {
    return (
      <EmptyState
        icon={<IconAdjustments aria-hidden />}
        withIndicatorBackground
        title="No parameters yet"
        description="Create a parameter to see what this user would get."
      />
    );
  }
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        Configuration version {preview.configVersion}: {preview.results.length} {preview.results.length === 1 ? 'parameter' : 'parameters'}
      </Text>
      {preview.results.map((result) => (
        <Paper key={result.key} withBorder p="md" radius="md" component="article" aria-labelledby={`preview-${result.key}`}>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <Stack gap={6}>
              <Title order={3} size="h5" id={`preview-${result.key}`} ff="monospace">
                {result.key}
              </Title>
              <Code block>{show(result.value)}</Code>
              <Text size="sm">
                Variant <Code>{result.variant || '—'}</Code>{' '}
                <Badge color={reasonColors[result.reason] ?? 'blue'} variant="light" ml={4}>
                  {result.reason}
                </Badge>
              </Text>
            </Stack>
            <TraceSteps steps={result.trace} label={`Why ${result.key} has this value`} />
          </SimpleGrid>
        </Paper>
      ))}
    </Stack>
  );
}
