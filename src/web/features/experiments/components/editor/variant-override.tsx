import { Box, Button, Grid, Group, Paper, Stack, Text } from '@mantine/core';
import type { Parameter } from '../../../../../shared/contract/parameters';
import { ValuePreview } from '../../../../components/value-preview/value-preview';
import { useEditorContext, type ValueMessage } from './editor-context';

export interface VariantOverrideProps {
  variantIndex: number;
  variantName: string;
  parameter: Parameter;
  /** Whether this variant sets its own value for the parameter. */
  overridden: boolean;
  value: unknown;
  onChange: (value: unknown) => void;
  /** Start overriding (from the default value) or go back to serving the default. */
  onToggle: (overridden: boolean) => void;
  errors: ValueMessage[];
}

/** One variant's value for one parameter: its own (with the parameter's typed editor) or the default. */
export function VariantOverride({ variantIndex, variantName, parameter, overridden, value, onChange, onToggle, errors }: VariantOverrideProps) {
  const { renderValueEditor, variantsLocked, readOnly, reportInvalid } = useEditorContext();
  const locked = variantsLocked || readOnly;
  return (
    <Paper withBorder p="sm" radius="md" role="group" aria-label={`${parameter.name} in ${variantName}`}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <div>
            <Text fw={600} size="sm">
              {parameter.name}
            </Text>
            <Text size="xs" c="dimmed" ff="monospace">
              {parameter.key}
            </Text>
          </div>
          {!locked && (
            <Button size="compact-sm" variant="subtle" onClick={() => onToggle(!overridden)}>
              {overridden ? 'Use the default instead' : 'Set a value'}
            </Button>
          )}
        </Group>
        {overridden ? (
          // The editor and what the app will show, side by side (stacked on narrow screens).
          <Grid gap="md">
            <Grid.Col span={{ base: 12, md: 7 }}>
              {renderValueEditor({
                spec: parameter.spec,
                value,
                onChange,
                errors,
                label: `Value in ${variantName}`,
                disabled: locked,
                onInvalid: (invalid) => reportInvalid(`override-${variantIndex}-${parameter.key}`, invalid),
              })}
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 5 }}>
              <Box component="section" aria-label={`Preview of ${parameter.name} in ${variantName}`}>
                <Text size="sm" fw={600} mb={4}>
                  As the app shows it
                </Text>
                <ValuePreview spec={parameter.spec} value={value} />
              </Box>
            </Grid.Col>
          </Grid>
        ) : (
          <Stack gap={4}>
            <Text size="sm" c="dimmed">
              Serves the default:
            </Text>
            <ValuePreview spec={parameter.spec} value={parameter.defaultValue} />
          </Stack>
        )}
        {!overridden && errors.length > 0 && (
          <Text size="sm" c="var(--mantine-color-error)" role="alert">
            {errors.map((error) => error.message).join(' ')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
