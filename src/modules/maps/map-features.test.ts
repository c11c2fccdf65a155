import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../reference/csv.ts';
import { referenceDataDir } from '../reference/paths.ts';
import {
  loadItalyProvinces,
  loadItalyRegions,
  loadRegionMunicipalities,
  type MapFeature,
} from './map-features.ts';

const municipalitiesCsv = parseCsv(readFileSync(join(referenceDataDir, 'comuni.csv'), 'utf8'));
const regionCodes = Array.from({ length: 20 }, (_, index) => String(index + 1).padStart(2, '0'));

describe('loadRegionMunicipalities', () => {
  it('reads the 273 municipalities of Tuscany, matching comuni.csv in code, name and province', async () => {
    const tuscany = await loadRegionMunicipalities('09');
    expect(tuscany).toHaveLength(273);
    const byCode = (features: readonly { istatCode: string }[]) =>
      features.map((f) => f.istatCode).sort();
    const fromCsv = municipalitiesCsv.filter((row) => row['region_code'] === '09');
    expect(byCode(tuscany)).toEqual(fromCsv.map((row) => row['istat_code']!).sort());
    for (const row of fromCsv) {
      expect(tuscany.find((f) => f.istatCode === row['istat_code'])).toMatchObject({
        name: row['name'],
        provinceAcronym: row['province_abbr'],
      });
    }
    expect(tuscany.every((f) => f.geometry !== null)).toBe(true);
  });

  it('reads each file once and shares the result, whatever the spelling of the code', async () => {
    const [first, second] = await Promise.all([
      loadRegionMunicipalities('09'),
      loadRegionMunicipalities('9'),
    ]);
    expect(second).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen(first[0])).toBe(true);
  });

  it('rejects an unknown region code', async () => {
    await expect(loadRegionMunicipalities('21')).rejects.toThrow(/region 21/);
    await expect(loadRegionMunicipalities('../09')).rejects.toThrow(/Not an ISTAT region code/);
  });

  it("keeps Sant'Anna d'Alfaedo and Forlì spelt as they are", async () => {
    const veneto = await loadRegionMunicipalities('05');
    const emilia = await loadRegionMunicipalities('08');
    expect(veneto.find((f) => f.istatCode === '023078')?.name).toBe("Sant'Anna d'Alfaedo");
    expect(emilia.find((f) => f.istatCode === '040012')?.name).toBe('Forlì');
  });

  // The boundaries are of June 2023, the municipality list of January 2020. If either file is
  // updated this test fails on purpose: check the differences, then update the list below.
  it('differs from comuni.csv only by the known changes between 2020 and 2023', async () => {
    const drawn = new Map<string, MapFeature>();
    for (const regionCode of regionCodes) {
      for (const feature of await loadRegionMunicipalities(regionCode)) {
        drawn.set(feature.istatCode, feature);
      }
    }
    const listed = new Set(municipalitiesCsv.map((row) => row['istat_code']!));
    const onlyDrawn = [...drawn.keys()].filter((code) => !listed.has(code)).sort();
    const onlyListed = [...listed].filter((code) => !drawn.has(code)).sort();
    expect({ drawn: drawn.size, listed: listed.size }).toEqual({ drawn: 7_899, listed: 7_904 });
    // Misiliscemi (TP, new in 2021); Montecopiolo and Sassofeltrio, moved from Pesaro e Urbino
    // (041033, 041060) to Rimini in 2021.
    expect(onlyDrawn).toEqual(['081025', '099030', '099031']);
    // Moransengo and Tonengo (AT), Bardello, Bregano and Malgesso (VA), merged into new
    // municipalities that the boundaries do not have either; Monteciccardo, merged into Pesaro.
    expect(onlyListed).toEqual([
      '005079',
      '005110',
      '012009',
      '012018',
      '012095',
      '041032',
      '041033',
      '041060',
    ]);
    const shapeless = [...drawn.values()].filter((f) => f.geometry === null);
    expect(shapeless.map((f) => `${f.name} (${f.provinceAcronym})`)).toEqual(['Miagliano (BI)']);
  });
});

describe('Italy-wide maps', () => {
  it('reads the 20 regions with their two-digit codes', async () => {
    const regions = await loadItalyRegions();
    expect(regions.map((r) => r.istatCode).sort()).toEqual(regionCodes);
    expect(regions.find((r) => r.istatCode === '09')).toMatchObject({
      name: 'Toscana',
      provinceAcronym: null,
    });
  });

  it('reads the 107 provinces with their three-digit codes and acronyms', async () => {
    const provinces = await loadItalyProvinces();
    expect(provinces).toHaveLength(107);
    expect(provinces.find((p) => p.istatCode === '050')).toMatchObject({
      name: 'Pisa',
      provinceAcronym: 'PI',
    });
  });
});
