import { Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { ValuePreview } from '../../../components/value-preview/value-preview';
import { parameterByKeyQueryOptions } from '../api/catalog-options';
import { PRODUCTION_KEY } from '../../../lib/environments';
import { ValueText } from './value-text';

export interface ParameterValueProps {
  parameterKey: string;
  value: unknown;
  /** Draw screens, colours and media in a device frame (default) or bare. */
  framed?: boolean;
  /** Name the parameter above its value (its key until the parameter is read). */
  showName?: boolean;
}

/**
 * A value of one parameter as the app shows it. The parameter's type says how to draw it, so it is
 * fetched (cached per key); until it arrives, or if it cannot be read, the value is shown as text.
 */
export function ParameterValue({ parameterKey, value, framed = true, showName = false }: ParameterValueProps) {
  // Only the type and name are read here, which every environment shares.
  const parameter = useQuery(parameterByKeyQueryOptions(PRODUCTION_KEY, parameterKey));
  const shown = parameter.data ? <ValuePreview spec={parameter.data.spec} value={value} framed={framed} /> : <ValueText value={value} />;
  if (!showName) return shown;
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
        {parameter.data?.name ?? parameterKey}
      </Text>
      {shown}
    </Stack>
  );
}
