import { SimpleGrid, Text, UnstyledButton } from '@mantine/core';
import { templates, type ParameterTemplate, type TemplateId } from '../editors/templates';

export interface TemplatePickerProps {
  /** The template in use, or null for a plain type. */
  value: TemplateId | null;
  onChoose: (template: ParameterTemplate | null) => void;
  disabled?: boolean;
}

function Choice({ title, description, active, onClick, disabled }: { title: string; description: string; active: boolean; onClick: () => void; disabled?: boolean }) {
  return (
    <UnstyledButton
      onClick={onClick}
      aria-pressed={active}
      disabled={disabled}
      p="sm"
      style={{
        border: `${active ? 2 : 1}px solid ${active ? 'var(--mantine-primary-color-filled)' : 'var(--mantine-color-default-border)'}`,
        borderRadius: 'var(--mantine-radius-md)',
        background: active ? 'var(--mantine-primary-color-light)' : undefined,
      }}
    >
      <Text component="span" display="block" fw={600} size="sm">
        {title}
      </Text>
      <Text component="span" display="block" size="xs" c="dimmed" mt={4}>
        {description}
      </Text>
    </UnstyledButton>
  );
}

/** Cards for the ready-made templates, and one for choosing a type yourself. */
export function TemplatePicker({ value, onChoose, disabled }: TemplatePickerProps) {
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm" role="group" aria-label="Start from a template or a type">
      <Choice title="Choose a type" description="Text, number, flag, colour, image, list… with your own constraints." active={value === null} onClick={() => onChoose(null)} disabled={disabled} />
      {templates.map((template) => (
        <Choice
          key={template.id}
          title={template.name}
          description={template.description}
          active={value === template.id}
          onClick={() => onChoose(template)}
          disabled={disabled}
        />
      ))}
    </SimpleGrid>
  );
}

