import { isHexColour } from './colour-contrast.ts';

/** One class of the map's legend: what a colour means. */
export interface MapCategory {
  key: string;
  /** Shown in the legend, in the table and in each municipality's tooltip. */
  label: string;
  /** `#rrggbb`, drawn as a `fill` attribute (a strict CSP forbids `style`). */
  fill: string;
}

/** The category of a territory, by ISTAT code; null when there is nothing to show (no data). */
export type CategoryOf = (istatCode: string) => { category: string } | null;

/**
 * Looks up categories by key, refusing duplicate keys and colours that are not `#rrggbb`, so a
 * mistake in a palette shows up as an error rather than as a municipality drawn in black.
 */
export function indexCategories(categories: readonly MapCategory[]): Map<string, MapCategory> {
  const byKey = new Map<string, MapCategory>();
  for (const category of categories) {
    if (byKey.has(category.key)) throw new Error(`Map category ${category.key} appears twice`);
    if (!isHexColour(category.fill)) {
      throw new Error(`Map category ${category.key} has fill ${category.fill}, not #rrggbb`);
    }
    byKey.set(category.key, category);
  }
  return byKey;
}

/** The category a territory is drawn in, failing loudly on a key the legend does not know. */
export function categoryFor(
  byKey: ReadonlyMap<string, MapCategory>,
  categoryOf: CategoryOf,
  istatCode: string,
): MapCategory | null {
  const value = categoryOf(istatCode);
  if (value === null) return null;
  const category = byKey.get(value.category);
  if (!category) throw new Error(`Unknown map category ${value.category} for ${istatCode}`);
  return category;
}
