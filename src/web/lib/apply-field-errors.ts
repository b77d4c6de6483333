import type { FieldPath, FieldValues, UseFormSetError } from 'react-hook-form';
import { errorMessage, isApiError } from './api-error';

/** Where problems that belong to no single field go; forms show it in an alert above the submit button. */
export const SERVER_ERROR_KEY = 'root.server' as const;

export interface ApplyFieldErrorsOptions<T extends FieldValues> {
  /** The fields the form shows. Server errors on other paths (or on none) go to `root.server`. Without it every path is trusted. */
  fields?: readonly FieldPath<T>[];
}

/**
 * Puts a failed request's errors where the person will see them: each server field error under
 * its field (focusing the first), anything else in `root.server`. Returns true when at least
 * one field got a message.
 */
export function applyFieldErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  options: ApplyFieldErrorsOptions<T> = {},
): boolean {
  const known = options.fields ? new Set<string>(options.fields) : undefined;
  const fieldErrors = isApiError(error) ? error.fieldErrors : [];
  const unmatched: string[] = [];
  let applied = 0;

  for (const fieldError of fieldErrors) {
    const isField = fieldError.path !== '' && (known === undefined || known.has(fieldError.path));
    if (!isField) {
      unmatched.push(fieldError.path ? `${fieldError.path}: ${fieldError.message}` : fieldError.message);
      continue;
    }
    setError(fieldError.path as FieldPath<T>, { type: 'server', message: fieldError.message }, { shouldFocus: applied === 0 });
    applied++;
  }

  if (applied === 0 || unmatched.length > 0) {
    const summary = errorMessage(error);
    const message = unmatched.length > 0 ? `${summary} Details: ${unmatched.join('; ')}.` : summary;
    setError(SERVER_ERROR_KEY, { type: 'server', message });
  }
  return applied > 0;
}
