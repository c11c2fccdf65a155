import { readFile } from 'node:fs/promises';
import type { MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { z } from 'zod';
import {
  provincesTopoJsonPath,
  regionMunicipalitiesTopoJsonPath,
  regionsTopoJsonPath,
} from '../reference/boundaries.ts';

/** One territory drawn on a map: a municipality, a province or a region. */
export interface MapFeature {
  /** ISTAT code: six digits for a municipality, three for a province, two for a region. */
  istatCode: string;
  name: string;
  /** The province's two-letter acronym ("PI"); null for a region. */
  provinceAcronym: string | null;
  /**
   * Null when the boundaries file has no shape for it (Miagliano, BI, in the 2023 files).
   * Such a territory is listed in tables but not drawn.
   */
  geometry: Polygon | MultiPolygon | null;
}

const municipalityProperties = z.object({
  com_istat_code: z.string().regex(/^\d{6}$/),
  name: z.string().min(1),
  prov_acr: z.string().regex(/^[A-Z]{2}$/),
});
const provinceProperties = z.object({
  prov_istat_code: z.string().regex(/^\d{3}$/),
  prov_name: z.string().min(1),
  prov_acr: z.string().regex(/^[A-Z]{2}$/),
});
const regionProperties = z.object({
  reg_istat_code: z.string().regex(/^\d{2}$/),
  reg_name: z.string().min(1),
});

// Arcs and transform are trusted files shipped with the code; what we read from each feature
// (its properties and geometry type) is checked below, so a changed file fails loudly.
const topologyShape = z.looseObject({
  type: z.literal('Topology'),
  objects: z.record(z.string(), z.looseObject({ type: z.literal('GeometryCollection') })),
});

async function readFeatures(
  path: string,
  toFeature: (properties: unknown, geometry: Polygon | MultiPolygon | null) => MapFeature,
): Promise<readonly MapFeature[]> {
  const parsed: unknown = JSON.parse(await readFile(path, 'utf8'));
  const topology = topologyShape.parse(parsed) as unknown as Topology;
  const objects = Object.values(topology.objects);
  const object = objects[0];
  if (objects.length !== 1 || object?.type !== 'GeometryCollection') {
    throw new Error(`${path}: expected one GeometryCollection`);
  }
  const collection = feature(topology, object as GeometryCollection);
  const features = collection.features.map((item, index) => {
    // The typings say a feature always has a geometry; GeoJSON (and this data) allow null.
    const geometry = item.geometry as typeof item.geometry | null;
    if (geometry !== null && geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') {
      throw new Error(`${path}: feature ${index} is a ${geometry.type}, not a polygon`);
    }
    return Object.freeze(toFeature(item.properties, geometry));
  });
  return Object.freeze(features);
}

// Parsing a region takes tens of milliseconds; the files never change while the server runs.
// The promise is cached so that concurrent first requests share one read.
const cache = new Map<string, Promise<readonly MapFeature[]>>();

function cached(
  path: string,
  load: () => Promise<readonly MapFeature[]>,
): Promise<readonly MapFeature[]> {
  let features = cache.get(path);
  if (!features) {
    features = load();
    cache.set(path, features);
    // A failed read is not remembered, so a fixed file is picked up without a restart.
    features.catch(() => cache.delete(path));
  }
  return features;
}

/** The municipalities of a region, by two-digit ISTAT region code ("09" for Toscana). */
export async function loadRegionMunicipalities(regionCode: string): Promise<readonly MapFeature[]> {
  const path = regionMunicipalitiesTopoJsonPath(regionCode);
  return cached(path, () =>
    readFeatures(path, (properties, geometry) => {
      const p = municipalityProperties.parse(properties);
      return { istatCode: p.com_istat_code, name: p.name, provinceAcronym: p.prov_acr, geometry };
    }),
  );
}

/** The 107 provinces and metropolitan cities of Italy. */
export async function loadItalyProvinces(): Promise<readonly MapFeature[]> {
  return cached(provincesTopoJsonPath, () =>
    readFeatures(provincesTopoJsonPath, (properties, geometry) => {
      const p = provinceProperties.parse(properties);
      return {
        istatCode: p.prov_istat_code,
        name: p.prov_name,
        provinceAcronym: p.prov_acr,
        geometry,
      };
    }),
  );
}

/** The 20 regions of Italy. */
export async function loadItalyRegions(): Promise<readonly MapFeature[]> {
  return cached(regionsTopoJsonPath, () =>
    readFeatures(regionsTopoJsonPath, (properties, geometry) => {
      const p = regionProperties.parse(properties);
      return { istatCode: p.reg_istat_code, name: p.reg_name, provinceAcronym: null, geometry };
    }),
  );
}
