import { Fieldset, Group, Select, Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import { parameterTypeLabels, parameterTypes, typeSpecSchema, type ElementSpec, type ParameterType, type TypeSpec } from '../../../../shared/values';
import { errorAt, mergeMessages, messagesUnder, type FieldMessage } from './field-messages';
import { InvalidDraftScope } from './invalid-draft';
import { OptionalNumberField } from './optional-number-field';
import { ElementConstraints } from './spec-constraints';
import { defaultElementSpecFor, defaultSpecFor, elementTypes } from './spec-defaults';

export interface SpecEditorProps {
  spec: TypeSpec;
  /** The new spec. Changing the type starts from that type's default spec; reset the value with defaultValueFor. */
  onChange: (spec: TypeSpec) => void;
  /** Problems with the spec, paths relative to it (e.g. the server's errors with 'spec.' stripped); merged with local checks. */
  errors?: readonly FieldMessage[];
  disabled?: boolean;
  /** True while the JSON Schema text does not parse or is not a usable schema. */
  onInvalid?: (invalid: boolean) => void;
}

const typeOptions = parameterTypes.map((type) => ({ value: type, label: parameterTypeLabels[type] }));
const elementOptions = elementTypes.map((type) => ({ value: type, label: parameterTypeLabels[type] }));

function specMessages(spec: TypeSpec): FieldMessage[] {
  const result = typeSpecSchema.safeParse(spec);
  return result.success ? [] : result.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

/** Chooses a parameter's type and edits its constraints. */
export function SpecEditor({ spec, onChange, errors, disabled, onInvalid }: SpecEditorProps) {
  const local = useMemo(() => specMessages(spec), [spec]);
  const all = mergeMessages(local, errors);
  return (
    <InvalidDraftScope onInvalid={onInvalid}>
      <Stack gap="sm">
        <Select<ParameterType>
          label="Type"
          description="What kind of value apps receive"
          data={typeOptions}
          value={spec.type}
          onChange={(type) => type && type !== spec.type && onChange(defaultSpecFor(type))}
          allowDeselect={false}
          error={errorAt(all, 'type') ?? errorAt(all)}
          disabled={disabled}
        />
        <ContainerConstraints key={spec.type} spec={spec} onChange={onChange} errors={all} disabled={disabled} />
      </Stack>
    </InvalidDraftScope>
  );
}

function ContainerConstraints({ spec, onChange, errors, disabled }: { spec: TypeSpec; onChange: (spec: TypeSpec) => void; errors: FieldMessage[]; disabled?: boolean }) {
  if (spec.type === 'array' || spec.type === 'map') {
    const field = spec.type === 'array' ? 'items' : 'values';
    const inner: ElementSpec = spec.type === 'array' ? spec.items : spec.values;
    const setInner = (next: ElementSpec) => onChange(spec.type === 'array' ? { ...spec, items: next } : { ...spec, values: next });
    return (
      <>
        <Group grow align="flex-start">
          <Select<ElementSpec['type']>
            label={spec.type === 'array' ? 'Item type' : 'Value type'}
            data={elementOptions}
            value={inner.type}
            onChange={(type) => type && type !== inner.type && setInner(defaultElementSpecFor(type))}
            allowDeselect={false}
            error={errorAt(errors, `${field}.type`)}
            disabled={disabled}
          />
          {spec.type === 'array' ? (
            <>
              <OptionalNumberField label="Min items" integer min={0} value={spec.minItems} onChange={(minItems) => onChange({ ...spec, minItems })} error={errorAt(errors, 'minItems')} disabled={disabled} />
              <OptionalNumberField label="Max items" integer min={1} value={spec.maxItems} onChange={(maxItems) => onChange({ ...spec, maxItems })} error={errorAt(errors, 'maxItems')} disabled={disabled} />
            </>
          ) : (
            <OptionalNumberField label="Max entries" integer min={1} value={spec.maxEntries} onChange={(maxEntries) => onChange({ ...spec, maxEntries })} error={errorAt(errors, 'maxEntries')} disabled={disabled} />
          )}
        </Group>
        <ElementConstraintsGroup legend={spec.type === 'array' ? 'Each item' : 'Each value'} spec={inner} onChange={setInner} errors={messagesUnder(errors, field)} disabled={disabled} />
      </>
    );
  }
  return <ElementConstraints spec={spec} onChange={onChange} errors={errors} disabled={disabled} />;
}

function ElementConstraintsGroup({ legend, spec, onChange, errors, disabled }: { legend: string; spec: ElementSpec; onChange: (spec: ElementSpec) => void; errors: FieldMessage[]; disabled?: boolean }) {
  const constraints = <ElementConstraints key={spec.type} spec={spec} onChange={onChange} errors={errors} disabled={disabled} />;
  if (['boolean', 'image', 'video', 'textStyle'].includes(spec.type)) {
    return (
      <Text size="sm" c="dimmed">
        {legend}: {parameterTypeLabels[spec.type]} has no constraints.
      </Text>
    );
  }
  return (
    <Fieldset legend={legend} p="sm">
      <Stack gap="sm">{constraints}</Stack>
    </Fieldset>
  );
}
