import type { ReactNode } from 'react';
import type { ParameterType, TypeSpec } from '../../../../shared/values';
import type { FieldMessage } from './field-messages';

/** The spec of one parameter type, e.g. SpecOf<'string'>. */
export type SpecOf<T extends ParameterType> = Extract<TypeSpec, { type: T }>;

/** What every per-type editor receives. Messages are relative to this value ('' = the value itself). */
export interface EditorProps<S extends TypeSpec = TypeSpec> {
  spec: S;
  value: unknown;
  onChange: (value: unknown) => void;
  errors: readonly FieldMessage[];
  warnings: readonly FieldMessage[];
  label: ReactNode;
  description?: ReactNode;
  disabled?: boolean;
}
