import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { referenceDataDir } from './paths.ts';

const geoDir = join(referenceDataDir, 'geo');

/**
 * Path of the TopoJSON with the municipal boundaries of one region, by ISTAT region code
 * ("09" for Toscana). The files (ISTAT limits prepared by Openpolis, CC BY 4.0) are numbered
 * without the leading zero.
 */
export function regionMunicipalitiesTopoJsonPath(regionCode: string): string {
  if (!/^\d{1,2}$/.test(regionCode)) throw new Error(`Not an ISTAT region code: ${regionCode}`);
  const path = join(geoDir, `limits_R_${Number(regionCode)}_municipalities.topo.json`);
  if (!existsSync(path)) throw new Error(`No municipal boundaries for region ${regionCode}`);
  return path;
}

export const regionsTopoJsonPath = join(geoDir, 'limits_IT_regions.topo.json');
export const provincesTopoJsonPath = join(geoDir, 'limits_IT_provinces.topo.json');

/** Attribution to show wherever the boundaries are drawn (CC BY 4.0 requires it). */
export const boundariesAttribution = 'ISTAT, Openpolis (CC BY 4.0)';
