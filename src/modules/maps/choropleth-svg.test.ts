import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderChoroplethSvg, type ChoroplethOptions } from './choropleth-svg.ts';
import { classify } from './classify.ts';
import { loadItalyRegions, loadRegionMunicipalities, type MapFeature } from './map-features.ts';
import { networkCategories, networkFills, noDataFill, sequentialFills } from './palettes.ts';
import { categoryOfValues, sequentialCategories } from './sequential-categories.ts';
import { elementsNamed, parseXml, textOf, type XmlElement } from './well-formed-xml.ts';

const categories = networkCategories({
  'help-desk': 'Help desk',
  member: 'Network member',
  'not-member': 'Not in network',
});
const PISA = '050026';
const FIRENZE = '048017';
const networkOf: ChoroplethOptions['valueOf'] = (code) => ({
  category: code === FIRENZE ? 'help-desk' : code === PISA ? 'member' : 'not-member',
});

/** Every point of our path data (absolute `M`, relative `l`, `z`), in tenths of a unit. */
function pathPoints(data: string): [number, number][] {
  const tokens = data.match(/[Mlz]|-?(?:\d+\.?\d*|\.\d+)/g) ?? [];
  expect(tokens.join('').length).toBe(data.replace(/,/g, '').length);
  const points: [number, number][] = [];
  let command = '';
  for (let index = 0; index < tokens.length;) {
    const token = tokens[index]!;
    if (/[Mlz]/.test(token)) {
      command = token;
      index += 1;
      continue;
    }
    const [x, y] = [Math.round(Number(token) * 10), Math.round(Number(tokens[index + 1]) * 10)];
    const last = points.at(-1);
    points.push(command === 'M' || !last ? [x, y] : [last[0] + x, last[1] + y]);
    index += 2;
  }
  return points;
}

function viewBoxOf(svg: XmlElement): [number, number, number, number] {
  return svg.attributes.get('viewBox')!.split(' ').map(Number) as [number, number, number, number];
}

/** The territories' paths, leaving out the one that draws the "no data" hatching. */
function territoryPaths(svg: XmlElement): XmlElement[] {
  return elementsNamed(elementsNamed(svg, 'g')[0]!, 'path');
}

function expectPathsInside(svg: XmlElement): void {
  const [minX, minY, width, height] = viewBoxOf(svg);
  const points = territoryPaths(svg).flatMap((p) => pathPoints(p.attributes.get('d')!));
  expect(points.length).toBeGreaterThan(0);
  const xs = points.map(([x]) => x);
  const ys = points.map(([, y]) => y);
  // Compared in tenths, as the path data is written.
  expect(Math.min(...xs)).toBeGreaterThanOrEqual(minX * 10);
  expect(Math.min(...ys)).toBeGreaterThanOrEqual(minY * 10);
  expect(Math.max(...xs)).toBeLessThanOrEqual((minX + width) * 10);
  expect(Math.max(...ys)).toBeLessThanOrEqual((minY + height) * 10);
}

function square(istatCode: string, name: string, x: number): MapFeature {
  const ring = [
    [x, 43],
    [x + 0.1, 43],
    [x + 0.1, 43.1],
    [x, 43.1],
    [x, 43],
  ];
  // Clockwise on the sphere, as d3-geo expects an exterior ring.
  return {
    istatCode,
    name,
    provinceAcronym: 'XX',
    geometry: { type: 'Polygon', coordinates: [ring.reverse()] },
  };
}

describe('renderChoroplethSvg', () => {
  it('draws Tuscany as well-formed SVG under 150 KB, one filled path per municipality', async () => {
    const tuscany = await loadRegionMunicipalities('09');
    const markup = renderChoroplethSvg({
      features: tuscany,
      valueOf: networkOf,
      categories,
      title: 'Network municipalities in Tuscany',
      description: 'Florence has a help desk; Pisa is a member. The table below lists all.',
    });
    writeFileSync('/tmp/tuscany-map.svg', markup);
    expect(Buffer.byteLength(markup)).toBeLessThan(150_000);

    const svg = parseXml(markup);
    expect(svg.name).toBe('svg');
    expect(svg.attributes.get('xmlns')).toBe('http://www.w3.org/2000/svg');
    const paths = territoryPaths(svg);
    expect(paths).toHaveLength(273);
    const fillOf = (name: string) =>
      paths.find((p) => textOf(p).startsWith(`${name} — `))?.attributes.get('fill');
    expect(fillOf('Firenze')).toBe(networkFills.helpDesk);
    expect(fillOf('Pisa')).toBe(networkFills.member);
    expect(fillOf('Lucca')).toBe(networkFills.notMember);
    expect(paths.filter((p) => p.attributes.get('fill') === networkFills.notMember)).toHaveLength(
      271,
    );
    expect(textOf(elementsNamed(svg, 'title')[1]!)).toBe('Aulla — Not in network');
    expect(elementsNamed(svg, 'pattern')).toEqual([]);
    expectPathsInside(svg);
  });

  it('names and describes itself for screen readers, with no style for the CSP to block', async () => {
    const markup = renderChoroplethSvg({
      features: await loadItalyRegions(),
      valueOf: () => null,
      categories,
      title: 'Regioni',
      description: 'Nessun dato',
      id: 'regions-map',
    });
    const svg = parseXml(markup);
    expect(svg.attributes.get('role')).toBe('img');
    const [title, description] = svg.children as XmlElement[];
    expect([title?.name, title?.attributes.get('id'), textOf(title!)]).toEqual([
      'title',
      'regions-map-title',
      'Regioni',
    ]);
    expect([description?.name, description?.attributes.get('id')]).toEqual([
      'desc',
      'regions-map-desc',
    ]);
    expect(svg.attributes.get('aria-labelledby')).toBe('regions-map-title');
    expect(svg.attributes.get('aria-describedby')).toBe('regions-map-desc');
    expect(markup).not.toMatch(/style/i);
    const hatching = 'url(#regions-map-no-data)';
    expect(territoryPaths(svg).every((p) => p.attributes.get('fill') === hatching)).toBe(true);
    expect(textOf(territoryPaths(svg)[0]!)).toMatch(/ — No data$/);
    const [pattern] = elementsNamed(svg, 'pattern');
    expect(pattern?.attributes.get('id')).toBe('regions-map-no-data');
    expect(elementsNamed(pattern!, 'rect')[0]?.attributes.get('fill')).toBe(noDataFill);
    expectPathsInside(svg);
  });

  it('escapes every name, label and text, and keeps accents and apostrophes', () => {
    const markup = renderChoroplethSvg({
      features: [
        square('023078', "Sant'Anna d'Alfaedo", 11),
        square('040012', 'Forlì', 12),
        square('999999', '<b>&"x"', 13),
      ],
      valueOf: (code) => (code === '999999' ? null : { category: 'member' }),
      categories: [{ key: 'member', label: 'Rete & <sportelli>', fill: '#17324d' }],
      title: 'A & B <i>',
      description: '"quoted" & \'single\'',
      noDataLabel: 'Dati <assenti>',
    });
    expect(markup).toContain('Sant&#39;Anna d&#39;Alfaedo — Rete &amp; &lt;sportelli&gt;');
    expect(markup).not.toContain('<b>');
    expect(markup).not.toContain('<i>');
    const titles = elementsNamed(parseXml(markup), 'title').map(textOf);
    expect(titles).toEqual([
      'A & B <i>',
      "Sant'Anna d'Alfaedo — Rete & <sportelli>",
      'Forlì — Rete & <sportelli>',
      '<b>&"x" — Dati <assenti>',
    ]);
  });

  it('colours classified values light to dark and leaves suppressed ones as no data', async () => {
    const tuscany = await loadRegionMunicipalities('09');
    const values = new Map(tuscany.slice(1).map((f, index) => [f.istatCode, index % 50]));
    const classes = classify([...values.values()], 5);
    const markup = renderChoroplethSvg({
      features: tuscany,
      valueOf: categoryOfValues(values, classes),
      categories: sequentialCategories(classes, ({ lower, upper }) => `${lower}–${upper}`),
      title: 'Segnalazioni',
      description: 'Per comune',
    });
    const fills = territoryPaths(parseXml(markup)).map((p) => p.attributes.get('fill'));
    expect(fills[0]).toBe('url(#map-no-data)');
    expect(new Set(fills.slice(1))).toEqual(new Set(sequentialFills));
    expect(fills[1]).toBe(sequentialFills[0]);
  });

  it('refuses unknown categories, bad colours, duplicate keys, unsafe ids and empty maps', () => {
    const features = [square('000001', 'Uno', 11)];
    const base = { features, categories, title: 't', description: 'd' };
    expect(() => renderChoroplethSvg({ ...base, valueOf: () => ({ category: 'nope' }) })).toThrow(
      /Unknown map category nope for 000001/,
    );
    const badFill = [{ key: 'a', label: 'A', fill: 'red' }];
    expect(() =>
      renderChoroplethSvg({ ...base, categories: badFill, valueOf: () => null }),
    ).toThrow(/not #rrggbb/);
    const twice = [...categories, categories[0]!];
    expect(() => renderChoroplethSvg({ ...base, categories: twice, valueOf: () => null })).toThrow(
      /twice/,
    );
    expect(() => renderChoroplethSvg({ ...base, valueOf: () => null, id: 'a" onload="x' })).toThrow(
      /plain identifier/,
    );
    expect(() => renderChoroplethSvg({ ...base, valueOf: () => null, width: 10 })).toThrow(/width/);
    expect(() => renderChoroplethSvg({ ...base, features: [], valueOf: () => null })).toThrow(
      /at least one/,
    );
  });
});
