import type { Kysely } from 'kysely';
import type { Dimension, Month } from '../../../core/stats/dimensions.ts';
import type { DB } from '../../../db/schema.ts';
import { translate } from '../../../i18n/i18n.ts';
import { italianCsv, type ExportValue } from '../../spreadsheets/office-files.ts';
import { SUPPRESSED_MARK } from '../../stats/crosstab-export.ts';
import { equalityCrossTab } from '../../stats/equality-crosstab.ts';
import type { CrossTabResult } from '../../stats/schemas.ts';
import { networkRegion } from '../find-desk/network-data.ts';

/**
 * The network's open data as a Frictionless Data Package: `datapackage.json` describing tidy
 * CSV tables (one row per value and period, totals as rows coded `total`), each protected with
 * the public threshold, hidden counts written "c" and declared as the missing value.
 */
export const openDataTables = [
  { name: 'reports-by-ground-and-year', rows: 'ground', columns: 'year' },
  { name: 'reports-by-domain-and-year', rows: 'domain', columns: 'year' },
  { name: 'reports-by-municipality-and-year', rows: 'municipality', columns: 'year' },
  { name: 'reports-by-month', rows: 'month', columns: null },
] as const satisfies readonly { name: string; rows: Dimension; columns: Dimension | null }[];

export type OpenDataTable = (typeof openDataTables)[number];

export const TOTAL_CODE = 'total';

export function findOpenDataTable(name: string): OpenDataTable | undefined {
  return openDataTables.find((table) => table.name === name);
}

/** The years the package covers: the current one and the four before it. */
function packagePeriod(today: Date): { from: Month; to: Month } {
  const year = today.getUTCFullYear();
  return { from: `${year - 4}-01` as Month, to: `${year}-12` as Month };
}

async function crossTabOf(
  db: Kysely<DB>,
  table: OpenDataTable,
  options: { threshold: number; timeZone: string; today: Date },
  locale: 'it' | 'en',
): Promise<CrossTabResult> {
  const region = table.rows === 'municipality' ? (await networkRegion(db)).code : undefined;
  return equalityCrossTab(
    db,
    {
      rows: [table.rows],
      columns: table.columns,
      filters: { population: 'reports', ...packagePeriod(options.today), regionCode: region },
    },
    { threshold: options.threshold, timeZone: options.timeZone, locale },
  );
}

const shown = (count: { value: number | null }): ExportValue => count.value ?? SUPPRESSED_MARK;

/** One table as tidy CSV: code and Italian and English labels of each value, then the count. */
export async function openDataCsv(
  db: Kysely<DB>,
  table: OpenDataTable,
  options: { threshold: number; timeZone: string; today: Date },
): Promise<Buffer> {
  const [it, en] = await Promise.all([
    crossTabOf(db, table, options, 'it'),
    crossTabOf(db, table, options, 'en'),
  ]);
  const totalIt = translate('it', 'stats.export.total');
  const totalEn = translate('en', 'stats.export.total');
  const rows: ExportValue[][] = [];
  const rowValues = it.rows.map(([value], r) => ({
    code: value!.code,
    it: value!.label,
    en: en.rows[r]![0]!.label,
  }));
  if (table.columns === null) {
    rowValues.forEach((value, r) =>
      rows.push([value.code, value.it, value.en, shown(it.rowTotals[r]!)]),
    );
    rows.push([TOTAL_CODE, totalIt, totalEn, shown(it.grandTotal)]);
    return italianCsv(headersOf(table), rows);
  }
  const columns = [...it.columns.map((column) => column.code), TOTAL_CODE];
  rowValues.forEach((value, r) => {
    columns.forEach((column, c) => {
      const count = c < it.columns.length ? it.cells[r]![c]! : it.rowTotals[r]!;
      rows.push([value.code, value.it, value.en, column, shown(count)]);
    });
  });
  columns.forEach((column, c) => {
    const count = c < it.columns.length ? it.columnTotals[c]! : it.grandTotal;
    rows.push([TOTAL_CODE, totalIt, totalEn, column, shown(count)]);
  });
  return italianCsv(headersOf(table), rows);
}

function headersOf(table: OpenDataTable): string[] {
  return [
    `${table.rows}_code`,
    `${table.rows}_label_it`,
    `${table.rows}_label_en`,
    ...(table.columns ? [table.columns] : []),
    'reports',
  ];
}

/** The Frictionless descriptor: licence, sources, and a table schema per CSV. */
export function dataPackageDescriptor(options: {
  baseUrl: string;
  threshold: number;
  taxonomyVersion: string;
  today: Date;
}) {
  const period = packagePeriod(options.today);
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
      threshold: options.threshold,
      mark: SUPPRESSED_MARK,
      version: options.taxonomyVersion,
    }),
    created: options.today.toISOString(),
    temporal: { start: period.from, end: period.to },
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
          codeField(`${table.rows}_code`, `Code of the ${table.rows} ("total" for the total)`),
          codeField(`${table.rows}_label_it`, 'Label in Italian'),
          codeField(`${table.rows}_label_en`, 'Label in English'),
          ...(table.columns
            ? [codeField(table.columns, `The ${table.columns} ("total" for all of the period)`)]
            : []),
          {
            name: 'reports',
            type: 'integer',
            description: `Reports received; "${SUPPRESSED_MARK}" when hidden by disclosure control`,
            constraints: { minimum: 0 },
          },
        ],
        missingValues: [SUPPRESSED_MARK],
        primaryKey: [`${table.rows}_code`, ...(table.columns ? [table.columns] : [])],
      },
    })),
  };
}
