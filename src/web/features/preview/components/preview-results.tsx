import { Badge, Code, EmptyState, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconAdjustments } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { Preview } from '../../../../shared/contract/preview';
import { ValuePreview } from '../../../components/value-preview/value-preview';
import { parameterLooksQueryOptions, type ParameterLook } from '../api/parameter-types';
import { TraceSteps } from './trace-steps';

// Reasons in words; the OFREP reason code stays beside them for engineers.
const reasonWords: Record<string, string> = {
  TARGETING_MATCH: 'A targeting rule matched',
  SPLIT: 'Placed in an experiment variant',
  DEFAULT: 'Default value',
  STATIC: 'Default value (no rules)',
  DISABLED: 'Turned off by the kill switch',
  ERROR: 'Could not be evaluated',
};

const show = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value, null, 2));

/** The value as the app shows it when the parameter's type is known, else as text. */
function ResultValue({ value, look }: { value: unknown; look: ParameterLook | undefined }) {
  if (look) return <ValuePreview spec={look.spec} value={value} />;
  return <Code block>{show(value)}</Code>;
}

/** Every parameter's value for the context, with its variant, reason and trace. */
export function PreviewResults({ preview }: { preview: Preview }) {
  const looks = useQuery(parameterLooksQueryOptions());
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
              <Title order={3} size="h5" id={`preview-${result.key}`}>
                {looks.data?.get(result.key)?.name ?? result.key}
              </Title>
              <Text size="xs" c="dimmed" ff="monospace" mt={-4}>
                {result.key}
              </Text>
              <ResultValue value={result.value} look={looks.data?.get(result.key)} />
              <Text size="sm">
                {reasonWords[result.reason] ?? result.reason}
                {result.variant ? (
                  <>
                    {' '}
                    (variant <Code>{result.variant}</Code>)
                  </>
                ) : null}{' '}
                <Badge variant="default" ml={4} tt="none" title="Reason code apps receive">
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
