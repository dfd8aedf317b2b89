import { useCallback, useState } from 'react';

export interface Selection<T> {
  selected: ReadonlySet<T>;
  has(value: T): boolean;
  toggle(value: T): void;
  /** Replaces the selection. */
  set(values: Iterable<T>): void;
  clear(): void;
}

/** Returns `set` with `value` added when absent, removed when present. */
export function toggled<T>(set: ReadonlySet<T>, value: T): Set<T> {
  const next = new Set(set);
  if (next.has(value)) next.delete(value);
  else next.add(value);
  return next;
}

/** A set of chosen items (rows, paths, statuses) with the usual changes. */
export function useSelection<T>(): Selection<T> {
  const [selected, setSelected] = useState<ReadonlySet<T>>(() => new Set());
  const toggle = useCallback((value: T) => setSelected((current) => toggled(current, value)), []);
  const set = useCallback((values: Iterable<T>) => setSelected(new Set(values)), []);
  const clear = useCallback(() => setSelected(new Set()), []);
  return { selected, has: (value) => selected.has(value), toggle, set, clear };
}
