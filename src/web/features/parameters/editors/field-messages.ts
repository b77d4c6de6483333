import type { FieldError } from '../../../../shared/contract/common';

/** A problem with one part of a value; `path` is dot-separated and relative to the value ('' = the value itself). */
export type FieldMessage = Pick<FieldError, 'path' | 'message'>;

/** The messages about exactly `path`. */
export function messagesAt(list: readonly FieldMessage[], path = ''): string[] {
  return list.filter((item) => item.path === path).map((item) => item.message);
}

/** The messages about exactly `path`, as one line for a Mantine `error` prop (undefined when there are none). */
export function errorAt(list: readonly FieldMessage[], path = ''): string | undefined {
  const messages = [...new Set(messagesAt(list, path))];
  return messages.length > 0 ? messages.join('; ') : undefined;
}

/** The messages under `key`, with `key.` stripped: what the editor of that part should show. */
export function messagesUnder(list: readonly FieldMessage[], key: string | number): FieldMessage[] {
  const prefix = `${key}.`;
  const result: FieldMessage[] = [];
  for (const item of list) {
    if (item.path === String(key)) result.push({ path: '', message: item.message });
    else if (item.path.startsWith(prefix)) result.push({ path: item.path.slice(prefix.length), message: item.message });
  }
  return result;
}

/** Messages below the value itself (anything with a non-empty path). */
export function nestedMessages(list: readonly FieldMessage[]): FieldMessage[] {
  return list.filter((item) => item.path !== '');
}

/** The union of two lists, without repeating the same message for the same path. */
export function mergeMessages(...lists: ReadonlyArray<readonly FieldMessage[] | undefined>): FieldMessage[] {
  const seen = new Set<string>();
  const result: FieldMessage[] = [];
  for (const list of lists) {
    for (const item of list ?? []) {
      const id = `${item.path}\u0000${item.message}`;
      if (seen.has(id)) continue;
      seen.add(id);
      result.push({ path: item.path, message: item.message });
    }
  }
  return result;
}
