import { describe, expect, it } from 'vitest';
import type { MapCategory } from './map-category.ts';
import type { MapFeature } from './map-features.ts';
import { legendSwatchSvg, mapLegend } from './map-legend.ts';
import { mapRows } from './map-rows.ts';
import { noDataFill, noDataHatch } from './palettes.ts';
import { elementsNamed, parseXml } from './well-formed-xml.ts';

function feature(istatCode: string, name: string, provinceAcronym: string): MapFeature {
  return { istatCode, name, provinceAcronym, geometry: null };
}

const features = [
  feature('040013', 'Forlimpopoli', 'FC'),
  feature('040012', 'Forlì', 'FC'),
  feature('005021', 'Castelnuovo Calcea', 'AT'),
  feature('022050', 'Castello-Molina di Fiemme', 'TN'),
  feature('999002', 'Samone', 'TO'),
  feature('999001', 'Samone', 'TN'),
];
const categories: MapCategory[] = [
  { key: 'member', label: 'Comune della rete', fill: '#17324d' },
  { key: 'other', label: 'Non aderente', fill: '#e8ebef' },
  { key: 'unused', label: 'Mai usata', fill: '#d95f02' },
];
const valueOf = (code: string) =>
  code === '040012'
    ? { category: 'member' }
    : code.startsWith('999')
      ? null
      : { category: 'other' };

describe('mapLegend', () => {
  it('counts territories per category in the order given, adding "no data" last when needed', () => {
    expect(mapLegend(features, valueOf, categories, 'Nessun dato')).toEqual([
      { ...categories[0], count: 1, hatched: false },
      { ...categories[1], count: 3, hatched: false },
      { ...categories[2], count: 0, hatched: false },
      { key: 'no-data', label: 'Nessun dato', fill: noDataFill, count: 2, hatched: true },
    ]);
    expect(mapLegend(features, () => ({ category: 'other' }), categories).at(-1)?.key).toBe(
      'unused',
    );
    expect(() => mapLegend(features, () => ({ category: 'x' }), categories)).toThrow(/Unknown/);
  });

  it('draws a decorative swatch with a fill attribute, since the CSP forbids style', () => {
    const markup = legendSwatchSvg({ fill: '#17324d' });
    const svg = parseXml(markup);
    expect(svg.attributes.get('aria-hidden')).toBe('true');
    expect(elementsNamed(svg, 'rect')[0]?.attributes.get('fill')).toBe('#17324d');
    expect(elementsNamed(svg, 'path')).toHaveLength(0);
    expect(markup).not.toMatch(/style/i);
    expect(() => legendSwatchSvg({ fill: '#17324d" onload="x' })).toThrow(/not #rrggbb/);
  });

  it('hatches the "no data" swatch as the map does', () => {
    const [noData] = mapLegend(features, () => null, []);
    const svg = parseXml(legendSwatchSvg(noData!));
    expect(elementsNamed(svg, 'rect')[0]?.attributes.get('fill')).toBe(noDataFill);
    expect(elementsNamed(svg, 'path')[0]?.attributes.get('stroke')).toBe(noDataHatch);
  });
});

describe('mapRows', () => {
  it('lists every territory in Italian alphabetical order, homonyms by province', () => {
    expect(mapRows(features, valueOf)).toEqual([
      {
        istatCode: '022050',
        name: 'Castello-Molina di Fiemme',
        provinceAcronym: 'TN',
        category: 'other',
      },
      { istatCode: '005021', name: 'Castelnuovo Calcea', provinceAcronym: 'AT', category: 'other' },
      { istatCode: '040012', name: 'Forlì', provinceAcronym: 'FC', category: 'member' },
      { istatCode: '040013', name: 'Forlimpopoli', provinceAcronym: 'FC', category: 'other' },
      { istatCode: '999001', name: 'Samone', provinceAcronym: 'TN', category: null },
      { istatCode: '999002', name: 'Samone', provinceAcronym: 'TO', category: null },
    ]);
  });
});
