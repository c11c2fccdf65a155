import type { CategoryOf } from './map-category.ts';
import type { MapFeature } from './map-features.ts';

/** One row of the table that accompanies a map: the accessible form of the same data. */
export interface MapRow {
  istatCode: string;
  name: string;
  provinceAcronym: string | null;
  /** The category key, or null for "no data". */
  category: string | null;
}

const collator = new Intl.Collator('it');

/**
 * The map's data as table rows, in Italian alphabetical order ("Forlì" before "Forlimpopoli",
 * where code-point order would put it after), then by province for homonyms, then by code so
 * the order is stable.
 */
export function mapRows(features: readonly MapFeature[], valueOf: CategoryOf): MapRow[] {
  return features
    .map((feature) => ({
      istatCode: feature.istatCode,
      name: feature.name,
      provinceAcronym: feature.provinceAcronym,
      category: valueOf(feature.istatCode)?.category ?? null,
    }))
    .sort(
      (a, b) =>
        collator.compare(a.name, b.name) ||
        collator.compare(a.provinceAcronym ?? '', b.provinceAcronym ?? '') ||
        a.istatCode.localeCompare(b.istatCode),
    );
}
