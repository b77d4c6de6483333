import { useState } from 'react';

let counter = 0;
const nextKey = () => `item-${++counter}`;

/**
 * React keys for a list of plain values, kept in step with reordering and removal so each row keeps
 * its own state (e.g. a JSON draft) when rows move. Call the operations together with onChange.
 */
export function useStableKeys(length: number) {
  const [keys, setKeys] = useState<string[]>(() => Array.from({ length }, nextKey));
  let current = keys;
  if (keys.length !== length) {
    current = length > keys.length ? [...keys, ...Array.from({ length: length - keys.length }, nextKey)] : keys.slice(0, length);
    setKeys(current);
  }
  return {
    keys: current,
    move(from: number, to: number) {
      if (to < 0 || to >= current.length) return;
      const next = [...current];
      [next[from], next[to]] = [next[to], next[from]];
      setKeys(next);
    },
    remove(index: number) {
      setKeys(current.filter((_, i) => i !== index));
    },
    append() {
      setKeys([...current, nextKey()]);
    },
  };
}
