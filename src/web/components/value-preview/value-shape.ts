import { isPlainObject } from '../../../shared/values';

// Previews read values defensively: a value may come from raw JSON, an import or an older spec.

export function asRecord(value: unknown): Record<string, unknown> {
  return isPlainObject(value) ? value : {};
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function asText(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

export function asStringList(value: unknown): string[] {
  return asArray(value).map((item) => (typeof item === 'string' ? item : String(item)));
}
