import { ColorSwatch, Group, Radio } from '@mantine/core';

/** Colours dark enough for white text on a badge, each with a name a screen reader can say. */
export const environmentPalette = [
  { value: '#b42318', label: 'Red' },
  { value: '#b54708', label: 'Orange' },
  { value: '#067647', label: 'Green' },
  { value: '#0e7090', label: 'Teal' },
  { value: '#175cd3', label: 'Blue' },
  { value: '#6941c6', label: 'Purple' },
  { value: '#c11574', label: 'Pink' },
  { value: '#475467', label: 'Grey' },
] as const;

export interface ColorPaletteProps {
  value: string;
  onChange: (color: string) => void;
  error?: string;
}

/** The environment colour as a group of radio buttons, one swatch each (arrow keys move between them). */
export function ColorPalette({ value, onChange, error }: ColorPaletteProps) {
  // A colour set through the API outside the palette stays choosable.
  const options = environmentPalette.some((color) => color.value === value.toLowerCase())
    ? environmentPalette
    : [...environmentPalette, { value, label: `Current (${value})` }];
  return (
    <Radio.Group label="Colour" value={value.toLowerCase()} onChange={onChange} error={error}>
      <Group gap="md" mt={6}>
        {options.map((color) => (
          <Radio
            key={color.value}
            value={color.value.toLowerCase()}
            label={
              <Group gap={6} wrap="nowrap">
                <ColorSwatch color={color.value} size={18} withShadow={false} aria-hidden />
                {color.label}
              </Group>
            }
          />
        ))}
      </Group>
    </Radio.Group>
  );
}
