import { Group, Switch, TagsInput, TextInput } from '@mantine/core';
import type { ElementSpec } from '../../../../shared/values';
import { errorAt, type FieldMessage } from './field-messages';
import { JsonSchemaField } from './json-schema-field';
import { OptionalNumberField } from './optional-number-field';

export interface ElementConstraintsProps {
  spec: ElementSpec;
  onChange: (spec: ElementSpec) => void;
  /** Messages about this spec, paths relative to it ("maxLength", "max"). */
  errors: readonly FieldMessage[];
  disabled?: boolean;
}

/** The constraints of one non-container type (what its value must satisfy). */
export function ElementConstraints({ spec, onChange, errors, disabled }: ElementConstraintsProps) {
  switch (spec.type) {
    case 'string':
      return (
        <>
          <Group grow align="flex-start">
            <OptionalNumberField
              label="Max length"
              description="Characters"
              integer
              min={1}
              value={spec.maxLength}
              onChange={(maxLength) => onChange({ ...spec, maxLength })}
              error={errorAt(errors, 'maxLength')}
              disabled={disabled}
            />
            <TextInput
              label="Pattern"
              description="Optional regular expression the text must match"
              placeholder="^[A-Z]{3}$"
              value={spec.pattern ?? ''}
              onChange={(event) => onChange({ ...spec, pattern: event.currentTarget.value === '' ? undefined : event.currentTarget.value })}
              error={errorAt(errors, 'pattern')}
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
              disabled={disabled}
            />
          </Group>
          <TagsInput
            label="Allowed values"
            description="Optional: limit the text to these choices (press Enter after each)"
            value={spec.allowedValues ?? []}
            onChange={(values) => onChange({ ...spec, allowedValues: values.length > 0 ? values : undefined })}
            error={errorAt(errors, 'allowedValues')}
            clearable
            disabled={disabled}
          />
        </>
      );
    case 'integer':
    case 'number':
    case 'float': {
      const integer = spec.type === 'integer';
      return (
        <Group grow align="flex-start">
          <OptionalNumberField label="Minimum" integer={integer} value={spec.min} onChange={(min) => onChange({ ...spec, min })} error={errorAt(errors, 'min')} disabled={disabled} />
          <OptionalNumberField label="Maximum" integer={integer} value={spec.max} onChange={(max) => onChange({ ...spec, max })} error={errorAt(errors, 'max')} disabled={disabled} />
          {spec.type === 'number' ? (
            <OptionalNumberField
              label="Step"
              description="Values must be multiples of it"
              min={0}
              value={spec.step}
              onChange={(step) => onChange({ ...spec, step })}
              error={errorAt(errors, 'step')}
              disabled={disabled}
            />
          ) : null}
        </Group>
      );
    }
    case 'json':
      return <JsonSchemaField schema={spec.schema} onChange={(schema) => onChange({ ...spec, schema })} error={errorAt(errors, 'schema')} disabled={disabled} />;
    case 'color':
      return (
        <Switch
          label="Allow transparency"
          description="Lets the colour carry an alpha channel (#RRGGBBAA)"
          checked={spec.allowAlpha !== false}
          onChange={(event) => onChange({ ...spec, allowAlpha: event.currentTarget.checked })}
          error={errorAt(errors, 'allowAlpha')}
          disabled={disabled}
        />
      );
    case 'recommendations':
      return (
        <Group grow align="flex-start">
          <OptionalNumberField
            label="Min items"
            integer
            min={0}
            value={spec.minItems}
            onChange={(minItems) => onChange({ ...spec, minItems })}
            error={errorAt(errors, 'minItems')}
            disabled={disabled}
          />
          <OptionalNumberField
            label="Max items"
            integer
            min={1}
            value={spec.maxItems}
            onChange={(maxItems) => onChange({ ...spec, maxItems })}
            error={errorAt(errors, 'maxItems')}
            disabled={disabled}
          />
        </Group>
      );
    case 'boolean':
    case 'image':
    case 'video':
    case 'textStyle':
      return null;
  }
}
