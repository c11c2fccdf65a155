import type { Kysely } from 'kysely';
import type { Dimension } from '../../../core/stats/dimensions.ts';
import type { DB } from '../../../db/schema.ts';
import { translate } from '../../../i18n/i18n.ts';
import { italianCsv, type ExportValue } from '../../spreadsheets/office-files.ts';
import { SUPPRESSED_MARK } from '../../stats/crosstab-export.ts';
import { currentTaxonomy } from '../../taxonomy/taxonomy-files.ts';
import { loadPublicReleases, type PublicRelease } from './public-releases.ts';
import type { YearFigures } from '../../stats/yearly-figures.ts';

/**
 * The network's open data as a Frictionless Data Package: `datapackage.json` describing tidy
 * CSV tables (one row per value and year, each year's total as a row coded `total`) of the
 * released years, protected with the public threshold, hidden counts written "c" and declared
 * as the missing value.
 */
export const openDataTables = [
  { name: 'reports-by-ground-and-year', rows: 'ground', view: 'byGround' },
  { name: 'reports-by-domain-and-year', rows: 'domain', view: 'byDomain' },
  { name: 'reports-by-municipality-and-year', rows: 'municipality', view: 'byMunicipality' },
  { name: 'reports-by-month', rows: 'month', view: 'byMonth' },
] as const satisfies readonly { name: string; rows: Dimension; view: keyof YearFigures }[];

export type OpenDataTable = (typeof openDataTables)[number];

export const TOTAL_CODE = 'total';

export function findOpenDataTable(name: string): OpenDataTable | undefined {
  return openDataTables.find((table) => table.name === name);
}

const shown = (count: { value: number | null }): ExportValue => count.value ?? SUPPRESSED_MARK;

/**
 * One table as tidy CSV: per released year, each value's code, Italian and English labels and
 * count, then the year's total. The same stored figures as the Dati page of each year.
 */
export async function openDataCsv(db: Kysely<DB>, table: OpenDataTable): Promise<Buffer> {
  const [it, en] = await Promise.all([loadPublicReleases(db, 'it'), loadPublicReleases(db, 'en')]);
  const totalIt = translate('it', 'stats.export.total');
  const totalEn = translate('en', 'stats.export.total');
  const rows: ExportValue[][] = [];
  const englishLabels = new Map(
    en.flatMap((release) =>
      release.figures[table.view].rows.map(([value]) => [value!.code, value!.label]),
    ),
  );
  for (const year of [...it].reverse()) {
    const italian = year.figures[table.view];
    italian.rows.forEach(([value], r) => {
      const label = englishLabels.get(value!.code) ?? value!.label;
      rows.push([value!.code, value!.label, label, year.year, shown(italian.rowTotals[r]!)]);
    });
    rows.push([TOTAL_CODE, totalIt, totalEn, year.year, shown(italian.grandTotal)]);
  }
  return italianCsv(headersOf(table), rows);
}

function headersOf(table: OpenDataTable): string[] {
  return [
    `${table.rows}_code`,
    `${table.rows}_label_it`,
    `${table.rows}_label_en`,
    'year',
    'reports',
  ];
}

/** The Frictionless descriptor: licence, sources, and a table schema per CSV. */
export function dataPackageDescriptor(options: {
  baseUrl: string;
  /** Newest first. */
  releases: readonly PublicRelease[];
  /** The threshold today, said while nothing is released yet. */
  threshold: number;
}) {
  const latest = options.releases[0];
  const years = options.releases.map((release) => release.year);
  const codeField = (name: string, description: string) => ({
    name,
    type: 'string',
    description,
    constraints: { required: true },
  });
  return {
    profile: 'tabular-data-package',
    name: 'osservatorio-equality-data',
    title: translate('it', 'public.data.package.title'),
    description: translate('en', 'public.data.package.description', {
      threshold: latest?.threshold ?? options.threshold,
      mark: SUPPRESSED_MARK,
      version: latest?.taxonomyVersion ?? currentTaxonomy().version,
    }),
    // The package changes only when a year is released.
    ...(latest
      ? {
          version: String(latest.year),
          created: latest.releasedAt.toISOString(),
          temporal: { start: String(Math.min(...years)), end: String(Math.max(...years)) },
        }
      : {}),
    licenses: [
      {
        name: 'CC-BY-4.0',
        path: 'https://creativecommons.org/licenses/by/4.0/',
        title: 'Creative Commons Attribution 4.0',
      },
    ],
    sources: [
      { title: 'Osservatorio — reports received by the network', path: options.baseUrl },
      { title: 'ISTAT — municipalities and population', path: 'https://www.istat.it/' },
    ],
    resources: openDataTables.map((table) => ({
      profile: 'tabular-data-resource',
      name: table.name,
      path: `${table.name}.csv`,
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      dialect: { delimiter: ';', lineTerminator: '\r\n', header: true },
      schema: {
        fields: [
          codeField(
            `${table.rows}_code`,
            `Code of the ${table.rows} ("total" for the year's total)`,
          ),
          codeField(`${table.rows}_label_it`, 'Label in Italian'),
          codeField(`${table.rows}_label_en`, 'Label in English'),
          { name: 'year', type: 'year', description: 'Calendar year the reports were received in' },
          {
            name: 'reports',
            type: 'integer',
            description: `Reports received; "${SUPPRESSED_MARK}" when hidden by disclosure control`,
            constraints: { minimum: 0 },
          },
        ],
        missingValues: [SUPPRESSED_MARK],
        primaryKey: [`${table.rows}_code`, 'year'],
      },
    })),
  };
}
