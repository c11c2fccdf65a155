import { html } from '../../http/html.ts';
import { isHexColour } from './colour-contrast.ts';
import type { MapFeature } from './map-features.ts';
import { categoryFor, indexCategories, type CategoryOf, type MapCategory } from './map-category.ts';
import { borderStroke, noDataFill, noDataHatch } from './palettes.ts';

export interface LegendEntry extends MapCategory {
  /** How many territories are in this category (as in the table, shapeless ones included). */
  count: number;
  /** True for "no data", which the map draws hatched over its fill. */
  hatched: boolean;
}

/**
 * The legend as data, for the page to render as an HTML list (more accessible than text drawn
 * inside the SVG, and translated with the rest of the page). Every category is listed in the
 * order given, even when no territory falls in it; "no data" (key `no-data`) is added last,
 * only when some territory has no value.
 */
export function mapLegend(
  features: readonly MapFeature[],
  valueOf: CategoryOf,
  categories: readonly MapCategory[],
  noDataLabel = 'No data',
): LegendEntry[] {
  const byKey = indexCategories(categories);
  const counts = new Map<string, number>();
  let withoutData = 0;
  for (const feature of features) {
    const category = categoryFor(byKey, valueOf, feature.istatCode);
    if (category === null) withoutData += 1;
    else counts.set(category.key, (counts.get(category.key) ?? 0) + 1);
  }
  const entries: LegendEntry[] = categories.map((category) => ({
    ...category,
    count: counts.get(category.key) ?? 0,
    hatched: false,
  }));
  if (withoutData > 0) {
    entries.push({
      key: 'no-data',
      label: noDataLabel,
      fill: noDataFill,
      count: withoutData,
      hatched: true,
    });
  }
  return entries;
}

/**
 * A small coloured square for an HTML legend entry. Under `style-src 'self'` a swatch cannot be
 * coloured with a `style` attribute, so it is a tiny inline SVG with a `fill`; it is decorative
 * (the label beside it carries the meaning), hence hidden from screen readers. The hatching is
 * drawn as lines rather than with a `<pattern>`, whose id would have to be unique in the page.
 */
export function legendSwatchSvg(entry: { fill: string; hatched?: boolean }, size = 16): string {
  if (!isHexColour(entry.fill)) throw new Error(`Legend swatch fill ${entry.fill} is not #rrggbb`);
  const hatching = entry.hatched
    ? html`<path d="M0,4L4,0M0,8L8,0M0,12L12,0M0,16L16,0M4,16L16,4M8,16L16,8M12,16L16,12" stroke="${noDataHatch}"/>`
    : null;
  return html`<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 16 16" aria-hidden="true" focusable="false"><rect x="0.5" y="0.5" width="15" height="15" fill="${entry.fill}"/>${hatching}<rect x="0.5" y="0.5" width="15" height="15" fill="none" stroke="${borderStroke}"/></svg>`
    .value;
}
