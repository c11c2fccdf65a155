import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';

/**
 * Search filters kept in the address, so a filtered list can be bookmarked, shared and reached
 * again with Back. Answers the filters ('' when absent), a key that changes with them, and a
 * setter that writes the non-empty ones.
 */
export function useUrlFilters<K extends string>(
  keys: readonly K[],
): [Record<K, string>, string, (next: Partial<Record<K, string>>) => void] {
  const [params, setParams] = useSearchParams();
  const key = params.toString();
  const filters = useMemo(() => {
    const values = {} as Record<K, string>;
    for (const name of keys) values[name] = params.get(name) ?? '';
    return values;
  }, [params, keys]);
  const setFilters = useCallback(
    (next: Partial<Record<K, string>>) => {
      const entries = keys
        .map((name): [string, string] => [name, next[name]?.trim() ?? ''])
        .filter((entry) => entry[1] !== '');
      setParams(Object.fromEntries(entries));
    },
    [keys, setParams],
  );
  return [filters, key, setFilters];
}
