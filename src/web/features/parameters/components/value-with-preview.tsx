import { Grid, Paper, Stack, Text } from '@mantine/core';
import { useId } from 'react';
import type { TypeSpec } from '../../../../shared/values';
import { ValueEditor } from '../editors/value-editor';
import { ValuePreview } from '../../../components/value-preview/value-preview';
import type { FieldMessage } from '../editors/field-messages';

export interface ValueWithPreviewProps {
  spec: TypeSpec;
  value: unknown;
  onChange: (value: unknown) => void;
  errors?: readonly FieldMessage[];
  label: string;
  description?: string;
  disabled?: boolean;
  onInvalid?: (invalid: boolean) => void;
}

/** The value editor with a live preview of what apps will show beside it. */
export function ValueWithPreview({ spec, value, onChange, errors, label, description, disabled, onInvalid }: ValueWithPreviewProps) {
  const previewId = useId();
  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 7 }}>
        <ValueEditor spec={spec} value={value} onChange={onChange} errors={errors} label={label} description={description} disabled={disabled} onInvalid={onInvalid} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Paper withBorder p="sm" component="section" aria-labelledby={previewId}>
          <Stack gap="xs">
            <Text size="sm" fw={600} id={previewId}>
              Preview
            </Text>
            <ValuePreview spec={spec} value={value} />
          </Stack>
        </Paper>
      </Grid.Col>
    </Grid>
  );
}
