import { Badge, Group, Stack, Switch, Text } from '@mantine/core';
import { useState } from 'react';
import type { EditorProps, SpecOf } from './editor-props';
import { EditorFieldset } from './editor-fieldset';
import { fieldDescription } from './field-description';
import { errorAt, messagesAt, nestedMessages } from './field-messages';
import { JsonEditor } from './json-editor';
import { TemplateValueForm } from './template-forms/template-value-form';
import { templateFor } from './templates';

/** JSON: the template's friendly form when the spec comes from a template (with "Edit as JSON"), else the JSON text editor. */
export function JsonValueEditor(props: EditorProps<SpecOf<'json'>>) {
  const { spec, value, onChange, errors, warnings, label, description, disabled } = props;
  const template = templateFor(spec);
  const [asJson, setAsJson] = useState(false);
  if (!template) return <JsonEditor {...props} />;
  // Problems the form has no input for (an unexpected field, a value of the wrong shape) show at the top.
  const unplaced = asJson ? undefined : errorAt(errors);
  return (
    <EditorFieldset
      legend={
        <Group gap="xs" component="span">
          <span>{label}</span>
          <Badge variant="light" size="sm" tt="none" component="span">
            {template.name}
          </Badge>
        </Group>
      }
      description={fieldDescription([description], messagesAt(warnings))}
      error={unplaced}
      disabled={disabled}
    >
      <Switch label="Edit as JSON" checked={asJson} onChange={(event) => setAsJson(event.currentTarget.checked)} />
      {asJson ? (
        <JsonEditor {...props} label="JSON" description={undefined} warnings={[]} />
      ) : (
        <Stack gap="xs">
          {nestedMessages(errors).length > 0 ? (
            <Text size="xs" c="dimmed">
              Fix the fields marked below, or use Edit as JSON.
            </Text>
          ) : null}
          <TemplateValueForm template={template} value={value} onChange={onChange} errors={errors} disabled={disabled} />
        </Stack>
      )}
    </EditorFieldset>
  );
}
