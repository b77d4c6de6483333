import type { FieldPath, FieldValues, UseFormSetError } from 'react-hook-form';
import { isApiError } from '../../../lib/api-error';
import type { FieldMessage } from '../editors/field-messages';

export interface RoutedFieldErrors<T extends FieldValues> {
  /** Forwards form fields to react-hook-form; collects value and spec problems for their editors. */
  setError: UseFormSetError<T>;
  valueErrors: FieldMessage[];
  specErrors: FieldMessage[];
  rulesErrors: FieldMessage[];
}

function under(path: string, prefix: string): string | null {
  if (path === prefix) return '';
  return path.startsWith(`${prefix}.`) ? path.slice(prefix.length + 1) : null;
}

/**
 * A setError for applyFieldErrors: 'defaultValue.1' goes to the value editor (as '1'), 'spec.pattern'
 * to the spec editor (as 'pattern'), 'tags.2' to the tags field, everything else to react-hook-form.
 */
export function routeFieldErrors<T extends FieldValues>(setError: UseFormSetError<T>): RoutedFieldErrors<T> {
  const valueErrors: FieldMessage[] = [];
  const specErrors: FieldMessage[] = [];
  const rulesErrors: FieldMessage[] = [];
  const routed: UseFormSetError<T> = (name, error, options) => {
    const path = String(name);
    const message = error.message ?? 'Not valid';
    const valuePath = under(path, 'defaultValue');
    if (valuePath !== null) return void valueErrors.push({ path: valuePath, message });
    const specPath = under(path, 'spec');
    if (specPath !== null) return void specErrors.push({ path: specPath, message });
    const rulesPath = under(path, 'rules');
    if (rulesPath !== null) return void rulesErrors.push({ path: rulesPath, message });
    const tagsPath = under(path, 'tags');
    if (tagsPath !== null) return setError('tags' as FieldPath<T>, error, options);
    return setError(name, error, options);
  };
  return { setError: routed, valueErrors, specErrors, rulesErrors };
}

/** The paths of a failed request's field errors that belong to one of `fields` (or lie under it), for applyFieldErrors' `fields`. */
export function pathsUnder<T extends FieldValues>(error: unknown, fields: readonly string[]): FieldPath<T>[] {
  if (!isApiError(error)) return [];
  return error.fieldErrors
    .map((item) => item.path)
    .filter((path) => fields.some((field) => path === field || path.startsWith(`${field}.`))) as FieldPath<T>[];
}
