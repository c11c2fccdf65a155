import { useMemo } from 'react';
import { statsQueryKeys, type StatsQuery } from '../api/stats.ts';

type Key = (typeof statsQueryKeys)[number];

const filterKeys = ['population', 'from', 'to', 'ground', 'domain'] as const;

/** What each part of the screen asks the server: it reloads only when that part changes. */
export const sectionKeys = {
  table: ['rows', 'rows2', 'columns', ...filterKeys],
  trend: ['trend', ...filterKeys],
  map: ['metric', ...filterKeys],
} as const satisfies Record<string, readonly Key[]>;

const blank = Object.fromEntries(statsQueryKeys.map((key) => [key, ''])) as StatsQuery;

/**
 * The screen's question cut down to the keys a section uses, as the same object until one of
 * them changes: choosing the map's metric does not count the cross-tab again.
 */
export function useSectionQuery(query: StatsQuery, keys: readonly Key[]): StatsQuery {
  const asked = JSON.stringify(keys.map((key) => query[key]));
  return useMemo(() => {
    const values = JSON.parse(asked) as string[];
    return { ...blank, ...Object.fromEntries(keys.map((key, index) => [key, values[index]!])) };
  }, [asked, keys]);
}
