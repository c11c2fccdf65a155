import { parse } from 'csv-parse/sync';
import {
  PDFArray,
  PDFBool,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFString,
  type PDFObject,
} from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobDefinitions } from '../../../src/jobs/registry.ts';
import {
  releasePublicStats,
  releasePublicStatsJob,
} from '../../../src/modules/public-site/open-data/public-releases.ts';
import { testDatabaseKind } from '../../helpers/test-db.ts';
import { setUpCaseWorld, type CaseWorld } from '../cases/case-fixtures.ts';
import {
  generateCases,
  insertCases,
  seatLeadInTuscany,
  romeMonth,
} from '../stats/stats-fixtures.ts';

/** The text of every cell of the table whose caption starts with `caption`. */
function tableCells(page: string, caption: string): string[][] {
  const start = page.indexOf(caption);
  expect(start, caption).toBeGreaterThan(-1);
  const table = page.slice(start, page.indexOf('</table>', start));
  return [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...row[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((cell) =>
      cell[1]!
        .replace(/<[^>]+>/g, '')
        .replace(/\s+/g, ' ')
        .trim(),
    ),
  );
}

// Three reports on a ground nobody else reported: a count the public pages must not show.
const rare = Array.from({ length: 3 }, () => ({
  ...generateCases(1, 99)[0]!,
  receivedAt: new Date('2025-03-10T10:00:00Z'),
  grounds: ['sexual_orientation'],
  statisticsAllowed: true,
}));
// The year before, for the change of the key figures.
const yearBefore = generateCases(300, 12).map((generated, index) => ({
  ...generated,
  receivedAt: new Date(Date.UTC(2024, 0, 1) + index * 29 * 3_600_000),
}));
const cases = [...generateCases(900, 11), ...rare, ...yearBefore];

// The generated reports run from January 2025 to June 2026; on this day 2025 is due.
const RELEASE_DAY = new Date('2026-02-03T09:00:00Z');

describe(`public data pages on ${testDatabaseKind}`, () => {
  let world: CaseWorld;
  let beforeRelease: string;
  beforeAll(async () => {
    world = await setUpCaseWorld();
    await seatLeadInTuscany(world.db, world.lead.id);
    await insertCases(world.db, cases);
    beforeRelease = (await world.context.app.inject({ method: 'GET', url: '/it/dati' })).body;
    expect(await releasePublicStats(world.db, world.context.config, RELEASE_DAY)).toEqual([
      2024, 2025,
    ]);
  });
  afterAll(() => world.context.close());

  const get = async (url: string) => {
    const response = await world.context.app.inject({ method: 'GET', url });
    expect(response.statusCode, url).toBe(200);
    return response.body;
  };

  it('shows the year by ground, area, month and municipality, with the public threshold', async () => {
    const page = await get('/it/dati?period=2025');
    expect(page).toContain('<h1>Dati sulle discriminazioni</h1>');
    expect(page).toContain('<option value="2025" selected>');
    const grounds = tableCells(page, 'Segnalazioni per motivo di discriminazione nel periodo');
    expect(grounds[0]).toEqual(['Motivo di discriminazione', 'Segnalazioni']);
    const counts = [
      ...grounds.slice(1),
      ...tableCells(page, 'Segnalazioni per ambito').slice(1),
      ...tableCells(page, 'Segnalazioni per mese').slice(1),
      ...tableCells(page, 'Segnalazioni, popolazione')
        .slice(1)
        .map((row) => row.slice(0, 2)),
    ].map((row) => row[1]!);
    expect(counts.length).toBeGreaterThan(20);
    for (const count of counts) {
      if (count === 'c') continue;
      const value = Number(count.replace(/\./g, ''));
      expect(value === 0 || value >= 10, count).toBe(true);
    }
    expect(grounds.find((row) => row[0] === 'Orientamento sessuale')).toEqual([
      'Orientamento sessuale',
      'c',
    ]);
    // Alone it would be the total minus the rest: another ground is hidden with it.
    expect(grounds.filter((row) => row[1] === 'c').length).toBeGreaterThanOrEqual(2);
    const months = tableCells(page, 'Segnalazioni per mese').slice(1);
    expect(months).toHaveLength(12);
    expect(months[0]![0]).toBe('gennaio 2025');
  });

  it('draws charts and the map as inline SVG that the content policy allows', async () => {
    const page = await get('/it/dati');
    const svgs = page.match(/<svg[\s\S]*?<\/svg>/g) ?? [];
    const charts = svgs.filter((svg) => svg.includes('class="site-chart"'));
    expect(charts.length).toBe(3);
    for (const svg of charts) {
      expect(svg).toMatch(/^<svg role="img" aria-label="[^"]+"/);
      expect(svg).not.toMatch(/ style=|<style|<script/);
    }
    expect(page).toContain('id="reports-map-title"');
    expect(page).not.toMatch(/<script/);
  });

  it('counts the key figures like an independent count, in English too', async () => {
    const page = await get('/en/data?period=2025');
    expect(page).toContain('<h1>Data on discrimination</h1>');
    const list = page.slice(page.indexOf('<dl class="site-figures">'));
    const figures = [...list.matchAll(/<dd>([^<]+)<\/dd>/g)].map((m) => m[1]);
    const inYear = cases.filter(
      (c) => c.statisticsAllowed && romeMonth(c.receivedAt).startsWith('2025-'),
    );
    expect(figures[0]).toBe(new Intl.NumberFormat('en-GB').format(inYear.length));
    expect(figures[1]).toBe(
      new Intl.NumberFormat('en-GB').format(inYear.filter((c) => c.takenInCharge).length),
    );
  });

  it('explains the method, and falls back to the latest released year for any other', async () => {
    const methodology = await get('/it/dati/metodologia');
    expect(methodology).toContain('Metodologia dei dati');
    expect(methodology).toContain('da 1 a 10 meno uno');
    expect(methodology).toContain('31 giorni dopo la fine');
    expect(await get('/en/data/methodology')).toContain('Data methodology');
    for (const period of ['1999', '2026', 'x']) {
      const page = await get(`/it/dati?period=${period}`);
      expect(page).toContain('<option value="2025" selected>');
      expect(page).not.toContain('<option value="2026"');
    }
  });

  it('said nothing was published before the first release, and when it would be', () => {
    expect(beforeRelease).toContain('Non ci sono ancora dati pubblicati.');
    expect(beforeRelease).toContain('31 giorni dopo la fine');
    expect(beforeRelease).not.toContain('site-figures');
    expect(beforeRelease).not.toContain('site-chart');
  });

  it('keeps a released year as it was: later reports and classifications change nothing', async () => {
    const before = await get('/it/dati?period=2025');
    const csvBefore = await get('/open-data/reports-by-ground-and-year.csv');
    // A hundred more 2025 reports on one ground, received late in the year, and a case of
    // 2025 classified afterwards: live figures would show both by difference.
    await insertCases(
      world.db,
      Array.from({ length: 100 }, () => ({
        ...generateCases(1, 5)[0]!,
        receivedAt: new Date('2025-12-30T10:00:00Z'),
        grounds: ['religion_belief'],
        statisticsAllowed: true,
      })),
    );
    await world.db
      .updateTable('cases')
      .set({ ground_codes: ['disability'] })
      .where('reference', '=', 'GEN-1')
      .execute();
    expect(await releasePublicStats(world.db, world.context.config, new Date())).toEqual([]);
    const strip = (page: string) => page.replace(/name="[^"]*csrf[^"]*" value="[^"]*"/gi, '');
    expect(strip(await get('/it/dati?period=2025'))).toBe(strip(before));
    expect(await get('/open-data/reports-by-ground-and-year.csv')).toBe(csvBefore);
  });

  it('offers each released year as a tagged PDF report a screen reader can follow', async () => {
    const page = await get('/it/dati?period=2025');
    expect(page).toContain('href="/it/dati/rapporto/2025"');
    const response = await world.context.app.inject({
      method: 'GET',
      url: '/it/dati/rapporto/2025',
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const pdf = await PDFDocument.load(response.rawPayload, { updateMetadata: false });
    expect(pdf.getTitle()).toBe('Dati sulle discriminazioni: rapporto 2025');
    expect(pdf.getPageCount()).toBeGreaterThan(2);
    const catalog = pdf.catalog;
    expect(catalog.lookup(PDFName.of('Lang'), PDFString).decodeText()).toBe('it-IT');
    const markInfo = catalog.lookup(PDFName.of('MarkInfo'), PDFDict);
    expect(markInfo.lookup(PDFName.of('Marked'), PDFBool).asBoolean()).toBe(true);
    const viewer = catalog.lookup(PDFName.of('ViewerPreferences'), PDFDict);
    expect(viewer.lookup(PDFName.of('DisplayDocTitle'), PDFBool).asBoolean()).toBe(true);

    // The structure tree, in reading order: headings, tables with header cells, figures with
    // alternative text.
    const kinds: string[] = [];
    const figureAlts: string[] = [];
    const walk = (node: PDFObject | undefined) => {
      const value = node ? pdf.context.lookup(node) : undefined;
      if (value instanceof PDFArray) {
        for (let index = 0; index < value.size(); index += 1) walk(value.get(index));
      } else if (value instanceof PDFDict) {
        const kind = value.lookupMaybe(PDFName.of('S'), PDFName)?.decodeText();
        if (kind) kinds.push(kind);
        if (kind === 'Figure') {
          figureAlts.push(value.lookupMaybe(PDFName.of('Alt'), PDFString)?.decodeText() ?? '');
        }
        walk(value.get(PDFName.of('K')));
      }
    };
    walk(catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict).get(PDFName.of('K')));
    expect(kinds[0]).toBe('Document');
    expect(kinds[1]).toBe('H1');
    for (const kind of ['H2', 'H3', 'P', 'Table', 'TR', 'TH', 'TD', 'L', 'LI', 'Figure']) {
      expect(kinds, kind).toContain(kind);
    }
    expect(figureAlts).toHaveLength(3);
    for (const alt of figureAlts) expect(alt).toMatch(/^Segnalazioni per .+ la tabella che segue/);

    const english = await world.context.app.inject({ method: 'GET', url: '/en/data/report/2025' });
    expect(english.statusCode).toBe(200);
    expect((await PDFDocument.load(english.rawPayload)).getTitle()).toBe(
      'Data on discrimination: 2025 report',
    );
    for (const url of ['/it/dati/rapporto/2026', '/it/dati/rapporto/abc', '/en/data/report/1999']) {
      const missing = await world.context.app.inject({ method: 'GET', url });
      expect(missing.statusCode, url).toBe(404);
    }
  });

  it('gives the change of the key figures against the year before, from the published figures', async () => {
    const page = await get('/en/data?period=2025');
    const counted = (year: string) =>
      cases.filter((c) => c.statisticsAllowed && romeMonth(c.receivedAt).startsWith(`${year}-`))
        .length;
    const share = (counted('2025') - counted('2024')) / counted('2024');
    const percent = new Intl.NumberFormat('en', {
      style: 'percent',
      maximumFractionDigits: 0,
      signDisplay: 'exceptZero',
    }).format(share);
    expect(page).toMatch(
      new RegExp(
        `Compared with 2024:\\s+reports received\\s+<strong>${percent.replace('+', '\\+')}</strong>`,
      ),
    );
    // The first released year has nothing to compare with.
    expect(await get('/en/data?period=2024')).not.toContain('Compared with');
  });

  it('releases from a scheduled job', () => {
    expect(jobDefinitions).toContain(releasePublicStatsJob);
    expect(releasePublicStatsJob.schedule?.cron).toBeDefined();
  });

  it('publishes a Frictionless Data Package whose tables follow their schemas', async () => {
    const descriptor = JSON.parse(await get('/open-data/datapackage.json')) as {
      name: string;
      profile: string;
      licenses: { name: string }[];
      resources: {
        name: string;
        path: string;
        dialect: { delimiter: string };
        schema: {
          fields: { name: string; type: string }[];
          missingValues: string[];
          primaryKey: string[];
        };
      }[];
    };
    // The rules of the Data Package and Table Schema specifications that a reader relies on.
    expect(descriptor.name).toMatch(/^[a-z0-9._-]+$/);
    expect(descriptor.profile).toBe('tabular-data-package');
    expect(descriptor.licenses[0]!.name).toBe('CC-BY-4.0');
    expect(descriptor.resources).toHaveLength(4);
    const types = new Set(['string', 'integer', 'number', 'date', 'year', 'boolean']);
    for (const resource of descriptor.resources) {
      expect(resource.name).toMatch(/^[a-z0-9._-]+$/);
      const names = resource.schema.fields.map((field) => field.name);
      expect(new Set(names).size).toBe(names.length);
      for (const field of resource.schema.fields) expect(types.has(field.type)).toBe(true);
      for (const key of resource.schema.primaryKey) expect(names).toContain(key);

      const response = await world.context.app.inject({
        method: 'GET',
        url: `/open-data/${resource.path}`,
      });
      expect(response.statusCode, resource.path).toBe(200);
      const rows: string[][] = parse(response.body, {
        delimiter: resource.dialect.delimiter,
        bom: true,
      });
      expect(rows[0]).toEqual(names);
      const keys = new Set<string>();
      for (const row of rows.slice(1)) {
        expect(row).toHaveLength(names.length);
        const count = row.at(-1)!;
        if (!resource.schema.missingValues.includes(count)) {
          expect(count).toMatch(/^\d+$/);
          expect(Number(count) === 0 || Number(count) >= 10).toBe(true);
        }
        const key = resource.schema.primaryKey.map((name) => row[names.indexOf(name)]).join('|');
        expect(keys.has(key), key).toBe(false);
        keys.add(key);
      }
    }
    // The package and the page of a year publish the same protected figures.
    const page = await get('/it/dati?period=2025');
    const onPage = tableCells(page, 'Segnalazioni per motivo di discriminazione nel periodo')
      .slice(1)
      .map(([label, count]) => `${label}=${count}`);
    const csvRows: string[][] = parse(await get('/open-data/reports-by-ground-and-year.csv'), {
      delimiter: ';',
      bom: true,
    });
    const inCsv = csvRows
      .filter((row) => row[3] === '2025' && row[0] !== 'total' && row[4] !== '0')
      .map((row) => `${row[1]}=${row[4]}`);
    expect(inCsv).toEqual(onPage);
    const municipalities = tableCells(page, 'Segnalazioni, popolazione');
    expect(municipalities.at(-1)![0]).toBe('Altri comuni, online o non indicato');
    const byGround = await get('/open-data/reports-by-ground-and-year.csv');
    expect(byGround).toContain(
      'sexual_orientation;Orientamento sessuale;Sexual orientation;2025;c',
    );
    const missing = await world.context.app.inject({ method: 'GET', url: '/open-data/nope.csv' });
    expect(missing.statusCode).toBe(404);
  });
});
