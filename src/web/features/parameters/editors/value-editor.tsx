import { useMemo, type ReactNode } from 'react';
import { parameterTypeLabels, validateValue, type TypeSpec, type ValueCheck } from '../../../../shared/values';
import { ArrayEditor } from './array-editor';
import type { EditorProps } from './editor-props';
import { ElementEditor } from './element-editor';
import { mergeMessages, type FieldMessage } from './field-messages';
import { InvalidDraftScope } from './invalid-draft';
import { MapEditor } from './map-editor';

export interface ValueEditorProps {
  spec: TypeSpec;
  value: unknown;
  onChange: (value: unknown) => void;
  /** Problems with this value, paths relative to it ('' = the value, '2.url' = item 2's url), e.g. the server's field errors with 'defaultValue.' stripped. */
  errors?: readonly FieldMessage[];
  /** Non-blocking notes, same paths. */
  warnings?: readonly FieldMessage[];
  label?: ReactNode;
  description?: ReactNode;
  disabled?: boolean;
  /**
   * Called with true while some part holds text that is not a value yet (JSON that does not parse,
   * an empty or repeated map key) and with false once it is; block saving meanwhile.
   */
  onInvalid?: (invalid: boolean) => void;
  /** Also run validateValue here and show its messages (default true); they are merged with `errors`/`warnings`. */
  validate?: boolean;
}

function check(spec: TypeSpec, value: unknown): ValueCheck {
  try {
    return validateValue(spec, value);
  } catch (error) {
    // A JSON Schema that does not compile: say so rather than break the page.
    return { errors: [{ path: '', message: error instanceof Error ? error.message : String(error) }], warnings: [] };
  }
}

/** Edits a parameter value of any type, with each problem shown beside the input it is about. */
export function ValueEditor({ spec, value, onChange, errors, warnings, label, description, disabled, onInvalid, validate = true }: ValueEditorProps) {
  const local = useMemo(() => (validate ? check(spec, value) : { errors: [], warnings: [] }), [spec, value, validate]);
  const props: EditorProps = {
    spec,
    value,
    onChange,
    errors: mergeMessages(local.errors, errors),
    warnings: mergeMessages(local.warnings, warnings),
    label: label ?? parameterTypeLabels[spec.type],
    description,
    disabled,
  };
  return (
    <InvalidDraftScope onInvalid={onInvalid}>
      <TypeEditor key={spec.type} {...props} />
    </InvalidDraftScope>
  );
}

function TypeEditor(props: EditorProps) {
  const { spec } = props;
  switch (spec.type) {
    case 'array':
      return <ArrayEditor {...props} spec={spec} />;
    case 'map':
      return <MapEditor {...props} spec={spec} />;
    default:
      return <ElementEditor {...props} spec={spec} />;
  }
}
