import { Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { useId, useState } from 'react';
import { normalizeHex } from '../../../components/value-preview/color-contrast';
import { ColorField } from './color-field';
import { ContrastReport } from '../../../components/value-preview/contrast-report';
import type { EditorProps, SpecOf } from './editor-props';
import { fieldDescription } from './field-description';
import { errorAt, messagesAt } from './field-messages';

const backgrounds = { white: '#FFFFFF', black: '#000000' } as const;
type BackgroundName = keyof typeof backgrounds;

/** A hex colour, with its contrast against white or black so marketers can check text stays readable. */
export function ColorEditor({ spec, value, onChange, errors, warnings, label, description, disabled }: EditorProps<SpecOf<'color'>>) {
  const [background, setBackground] = useState<BackgroundName>('white');
  const id = useId();
  const allowAlpha = spec.allowAlpha !== false;
  const hex = typeof value === 'string' ? normalizeHex(value) : null;
  return (
    <Stack gap={6}>
      <ColorField
        label={label}
        description={fieldDescription([description, allowAlpha ? undefined : 'No transparency'], messagesAt(warnings))}
        value={value}
        onChange={onChange}
        allowAlpha={allowAlpha}
        error={errorAt(errors)}
        disabled={disabled}
      />
      {hex ? (
        <Group gap="sm" align="center">
          <Text size="sm" id={`${id}-background`}>
            Check contrast on
          </Text>
          <SegmentedControl<BackgroundName>
            size="xs"
            aria-labelledby={`${id}-background`}
            value={background}
            onChange={setBackground}
            data={[
              { value: 'white', label: 'White' },
              { value: 'black', label: 'Black' },
            ]}
          />
          <ContrastReport foreground={hex} background={backgrounds[background]} backgroundName={background} />
        </Group>
      ) : null}
    </Stack>
  );
}
