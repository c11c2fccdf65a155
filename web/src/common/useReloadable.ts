import { useCallback, useEffect, useRef, useState } from 'react';

export interface Reloadable<T> {
  value: T | null;
  error: unknown;
  /** Loads again, e.g. after a change the value reflects. */
  reload: () => Promise<void>;
}

/**
 * A value a part of a screen loads from the server, its error, and a reload. Nothing is loaded
 * while `load` is null (a part that is not for this reader); a memoised `load` that changes
 * loads again, and an answer overtaken by a later call is dropped.
 */
export function useReloadable<T>(load: (() => Promise<T>) | null): Reloadable<T> {
  const [value, setValue] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const latest = useRef(0);
  const reload = useCallback(async () => {
    if (!load) return;
    latest.current += 1;
    const call = latest.current;
    try {
      const loaded = await load();
      if (call !== latest.current) return;
      setValue(loaded);
      setError(null);
    } catch (failure) {
      if (call === latest.current) setError(failure);
    }
  }, [load]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { value, error, reload };
}
