export type AttributeType = 'text' | 'number' | 'boolean' | 'json';

export interface AttributeRow {
  id: number;
  name: string;
  type: AttributeType;
  value: string;
}

let nextId = 1;
export const newRow = (name = '', type: AttributeType = 'text', value = ''): AttributeRow => ({ id: nextId++, name, type, value });

/** Rows for a known user's attributes (targetingKey excluded). */
export function rowsFromAttributes(attributes: Record<string, unknown>): AttributeRow[] {
  return Object.entries(attributes)
    .filter(([name]) => name !== 'targetingKey')
    .map(([name, value]) => {
      if (typeof value === 'number') return newRow(name, 'number', String(value));
      if (typeof value === 'boolean') return newRow(name, 'boolean', String(value));
      if (typeof value === 'string') return newRow(name, 'text', value);
      return newRow(name, 'json', JSON.stringify(value));
    });
}

export type ContextResult = { ok: true; context: Record<string, unknown> } | { ok: false; errors: Record<number, string>; keyError?: string };

/** The evaluation context the rows describe, or the rows that cannot be read. */
export function contextFromRows(targetingKey: string, rows: readonly AttributeRow[]): ContextResult {
  const errors: Record<number, string> = {};
  const context: Record<string, unknown> = { targetingKey: targetingKey.trim() };
  for (const row of rows) {
    const name = row.name.trim();
    if (!name) {
      if (row.value !== '') errors[row.id] = 'Name the attribute';
      continue;
    }
    if (name === 'targetingKey') {
      errors[row.id] = 'Use the User ID field above';
      continue;
    }
    switch (row.type) {
      case 'text':
        context[name] = row.value;
        break;
      case 'number': {
        const number = Number(row.value);
        if (row.value.trim() === '' || !Number.isFinite(number)) errors[row.id] = 'Enter a number';
        else context[name] = number;
        break;
      }
      case 'boolean':
        context[name] = row.value === 'true';
        break;
      case 'json':
        try {
          context[name] = JSON.parse(row.value) as unknown;
        } catch {
          errors[row.id] = 'Not valid JSON';
        }
        break;
    }
  }
  const keyError = targetingKey.trim() ? undefined : 'Enter a user ID (the user or device id your app sends)';
  if (keyError || Object.keys(errors).length > 0) return { ok: false, errors, keyError };
  return { ok: true, context };
}
