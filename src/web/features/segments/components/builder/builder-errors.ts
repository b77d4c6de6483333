import type { FieldError } from '../../../../../shared/contract/common';

/** Field errors whose path is `prefix` or lies under it, with the prefix removed. */
export function errorsUnder(errors: readonly FieldError[], prefix: string): FieldError[] {
  return errors.flatMap((error) => {
    if (error.path === prefix) return [{ ...error, path: '' }];
    if (error.path.startsWith(`${prefix}.`)) return [{ ...error, path: error.path.slice(prefix.length + 1) }];
    return [];
  });
}

/** The message for exactly this path, if any. */
export function messageAt(errors: readonly FieldError[], path: string): string | undefined {
  return errors.find((error) => error.path === path)?.message;
}
