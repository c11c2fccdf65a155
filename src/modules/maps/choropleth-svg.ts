import { geoMercator, geoPath, type GeoProjection } from 'd3-geo';
import type { GeometryCollection } from 'geojson';
import { html, type SafeHtml } from '../../http/html.ts';
import { CompactPathContext } from './compact-path.ts';
import type { MapFeature } from './map-features.ts';
import { categoryFor, indexCategories, type CategoryOf, type MapCategory } from './map-category.ts';
import { borderStroke, noDataFill, noDataHatch } from './palettes.ts';

export interface ChoroplethOptions {
  features: readonly MapFeature[];
  valueOf: CategoryOf;
  categories: readonly MapCategory[];
  /** The map's accessible name ("Comuni della rete in Toscana"). */
  title: string;
  /** What the map shows, for people who cannot see it; point to the table that follows. */
  description: string;
  /** Width of the drawing in SVG units (default 800); the height follows from the territory. */
  width?: number;
  /** Prefix of the ids of `<title>` and `<desc>`, unique in the page (default "map"). */
  id?: string;
  /** Tooltip for territories without a value, drawn hatched (default "No data"). */
  noDataLabel?: string;
}

// Room for the border stroke and for rounding to tenths, so no outline touches the edge.
const MARGIN = 2;
const BORDER_WIDTH = 0.5;
const idPattern = /^[A-Za-z][\w-]*$/;

/**
 * A choropleth as inline SVG, drawn on the server: no tiles and no script, and no `style`
 * attribute or element, so it works under `style-src 'self'`. Each territory is a `<path>` with
 * a `fill` attribute and a `<title>` ("Pisa — Network member") that desktop browsers show on
 * hover; a territory without a shape (see `MapFeature.geometry`) is left out of the drawing
 * but not of the table. Screen readers get the map as one image named by `title` and described by
 * `description`; the figures themselves belong in a table next to it (see `mapRows`).
 *
 * The result is markup we built, with every name escaped: embed it with `unsafeHtml`.
 */
export function renderChoroplethSvg(options: ChoroplethOptions): string {
  const { features, valueOf, title, description } = options;
  const width = options.width ?? 800;
  const id = options.id ?? 'map';
  if (!Number.isInteger(width) || width < 100 || width > 4000) {
    throw new Error(`Map width must be a whole number from 100 to 4000, not ${width}`);
  }
  if (!idPattern.test(id)) throw new Error(`Map id must be a plain identifier, not ${id}`);
  if (!features.some((feature) => feature.geometry !== null)) {
    throw new Error('A map needs at least one territory with a shape');
  }

  const byKey = indexCategories(options.categories);
  const noDataLabel = options.noDataLabel ?? 'No data';
  const noDataPatternId = `${id}-no-data`;
  const { projection, height } = fitToWidth(features, width);
  const context = new CompactPathContext();
  const drawPath = geoPath(projection, context);

  let someWithoutData = false;
  const paths = features.flatMap((feature) => {
    if (feature.geometry === null) return [];
    drawPath(feature.geometry);
    const category = categoryFor(byKey, valueOf, feature.istatCode);
    if (category === null) someWithoutData = true;
    const fill = category?.fill ?? `url(#${noDataPatternId})`;
    return html`<path d="${context.result()}" fill="${fill}"><title>${feature.name} — ${category?.label ?? noDataLabel}</title></path>`;
  });

  return html`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${id}-title" aria-describedby="${id}-desc"><title id="${id}-title">${title}</title><desc id="${id}-desc">${description}</desc>${someWithoutData ? noDataPattern(noDataPatternId) : null}<g stroke="${borderStroke}" stroke-width="${BORDER_WIDTH}" stroke-linejoin="round">${paths}</g></svg>`
    .value;
}

/** Diagonal grey hatching on white, for territories without a value. */
function noDataPattern(patternId: string): SafeHtml {
  return html`<defs><pattern id="${patternId}" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="4" height="4" fill="${noDataFill}"/><path d="M1,0v4" stroke="${noDataHatch}" stroke-width="1"/></pattern></defs>`;
}

/**
 * A Mercator projection filling the width, and the height the territory then needs. Mercator
 * keeps shapes familiar at regional scale, which matters more here than equal areas.
 */
function fitToWidth(
  features: readonly MapFeature[],
  width: number,
): { projection: GeoProjection; height: number } {
  const collection: GeometryCollection = {
    type: 'GeometryCollection',
    geometries: features.flatMap((feature) => feature.geometry ?? []),
  };
  const innerWidth = width - 2 * MARGIN;
  const [[, top], [, bottom]] = geoPath(geoMercator().fitWidth(innerWidth, collection)).bounds(
    collection,
  );
  const height = Math.ceil(bottom - top) + 2 * MARGIN;
  const projection = geoMercator().fitExtent(
    [
      [MARGIN, MARGIN],
      [width - MARGIN, height - MARGIN],
    ],
    collection,
  );
  return { projection, height };
}
