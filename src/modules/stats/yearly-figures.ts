import type { Kysely } from 'kysely';
import type { CrossTab } from '../../core/stats/crosstab.ts';
import type { CountTable } from '../../core/stats/disclosure.ts';
import type { Month } from '../../core/stats/dimensions.ts';
import { protectCrossTab } from '../../core/stats/crosstab.ts';
import type { ProtectedCount } from '../../core/stats/disclosure.ts';
import {
  countGroundCombinations,
  discloseIntersectional,
} from '../../core/stats/intersectional.ts';
import { addKeys, discloseCount, type Disclosure } from '../../core/stats/perturbation.ts';
import type { DB } from '../../db/schema.ts';
import type { Locale } from '../../i18n/i18n.ts';
import { loadCaseGroups } from './case-groups.ts';
import { OTHER_TERRITORY } from './value-labels.ts';
import { countCrossTab, presentCrossTab, type CountedCrossTab } from './equality-crosstab.ts';
import { groundGroupOf } from './intersectional-analysis.ts';
import type { CrossTabResult } from './schemas.ts';
import { currentTaxonomy } from '../taxonomy/taxonomy-files.ts';
import { networkRegion } from '../public-site/find-desk/network-data.ts';

/**
 * What the public sees: calendar years, each published on its own and once
 * (`public-releases.ts`). A year's tables (by ground, area, month, municipality, number of
 * grounds) are one-way breakdowns of the same reports and share one number, the year's total,
 * which is hidden only when it is itself small; their hidden counts are protected within each
 * table, so no table gives away another's. Years do not overlap and no total over several
 * years is published, so no two published figures can be subtracted to isolate a month or a
 * place. (An arbitrary period, such as the last twelve months beside the calendar year, would
 * let a reader subtract one from the other.)
 */

export interface YearFigures {
  year: number;
  reports: {
    total: ProtectedCount;
    singleGround: ProtectedCount;
    multipleGrounds: ProtectedCount;
    notClassified: ProtectedCount;
  };
  casesTakenInCharge: ProtectedCount;
  byGround: CrossTabResult;
  byDomain: CrossTabResult;
  byMonth: CrossTabResult;
  /** The region's municipalities, and one row for every report elsewhere or without one. */
  byMunicipality: CrossTabResult;
}

export interface YearlyFigures {
  regionCode: string;
  regionName: string;
  taxonomyVersion: string;
  threshold: number;
  years: YearFigures[];
}

/** One year's column of a table counted by value × year, as a one-way breakdown. */
function yearSlice(counted: CountedCrossTab, year: string, rowFilter?: (code: string) => boolean) {
  const column = counted.crossTab.columns.indexOf(year);
  const rows = counted.crossTab.rows
    .map((row, index) => ({ row, index }))
    .filter(({ row }) => !rowFilter || rowFilter(row[0]!));
  const slice = (table: CountTable): CountTable => ({
    cells: rows.map(() => []),
    rowTotals: rows.map(({ index }) => (column === -1 ? 0 : table.cells[index]![column]!)),
    columnTotals: [],
    grandTotal: column === -1 ? 0 : table.columnTotals[column]!,
  });
  const crossTab: CrossTab = {
    rows: rows.map(({ row }) => row),
    columns: [],
    table: slice(counted.crossTab.table),
    keys: slice(counted.crossTab.keys),
  };
  const request = {
    rows: counted.request.rows,
    columns: null,
    filters: { ...counted.request.filters, from: `${year}-01` as Month, to: `${year}-12` as Month },
  };
  return { ...counted, request, crossTab };
}

/**
 * A one-way table protected as the staff cross-tab protects it (`protectCrossTab`: for a
 * multi-valued facet with the extra values as a hidden row), so the same counts are hidden the
 * same way wherever they are published, and labelled.
 */
export function protectOneWay(
  counted: CountedCrossTab,
  options: Disclosure & { locale: Locale },
): CrossTabResult {
  return presentCrossTab(counted, protectCrossTab(counted.crossTab, options.threshold), options);
}

/**
 * The region's municipalities and one row for the rest, protected as the table of every
 * municipality is (what a staff cross-tab by municipality publishes), so the two cannot be set
 * side by side to work out a hidden count. The row for the rest shows a sum only when every
 * place in it is shown.
 */
export function protectMunicipalities(
  counted: CountedCrossTab,
  regionCode: string,
  options: Disclosure & { locale: Locale },
): CrossTabResult {
  const unfolded = protectCrossTab(counted.crossTab, options.threshold);
  const { rows, table } = counted.crossTab;
  const indexOf = new Map(rows.map((row, index) => [row[0]!, index]));
  const outside = rows
    .map((row, index) => ({ code: row[0]!, index }))
    .filter(({ code }) => counted.territories.get(code)?.regionCode !== regionCode);
  const other: ProtectedCount = outside.some(
    ({ index }) => unfolded.rowTotals[index]!.suppressed !== null,
  )
    ? { value: null, suppressed: 'secondary' }
    : {
        value: outside.reduce((sum, { index }) => sum + table.rowTotals[index]!, 0),
        suppressed: null,
      };
  const folded = foldOutsideRegion(counted, regionCode);
  const rowTotals = folded.crossTab.rows.map(([code]) =>
    code === OTHER_TERRITORY ? other : unfolded.rowTotals[indexOf.get(code!)!]!,
  );
  const protectedTable = {
    cells: folded.crossTab.rows.map(() => []),
    rowTotals,
    columnTotals: [],
    grandTotal: unfolded.grandTotal,
  };
  return presentCrossTab(folded, protectedTable, options);
}

/**
 * Municipalities outside the network's region, and reports without one, folded into one row,
 * so the table still adds up to the year's reports and that remainder is protected too.
 */
function foldOutsideRegion(counted: CountedCrossTab, regionCode: string): CountedCrossTab {
  const inRegion = (code: string) => counted.territories.get(code)?.regionCode === regionCode;
  const { rows, columns } = counted.crossTab;
  const kept = rows.map((row, index) => ({ row, index })).filter(({ row }) => inRegion(row[0]!));
  const others = rows.map((_, index) => index).filter((index) => !inRegion(rows[index]![0]!));
  // Counts add up; cell keys add up modulo their range.
  const fold = (table: CountTable, add: (a: number, b: number) => number): CountTable => ({
    cells: [
      ...kept.map(({ index }) => table.cells[index]!),
      columns.map((_, c) => others.reduce((sum, index) => add(sum, table.cells[index]![c]!), 0)),
    ],
    rowTotals: [
      ...kept.map(({ index }) => table.rowTotals[index]!),
      others.reduce((sum, index) => add(sum, table.rowTotals[index]!), 0),
    ],
    columnTotals: table.columnTotals,
    grandTotal: table.grandTotal,
  });
  return {
    ...counted,
    crossTab: {
      rows: [...kept.map(({ row }) => row), [OTHER_TERRITORY]],
      columns,
      table: fold(counted.crossTab.table, (a, b) => a + b),
      keys: fold(counted.crossTab.keys, addKeys),
    },
  };
}

/**
 * The given years, each table protected for its audience: the public threshold for a release,
 * the internal one and perturbed figures for a staff report.
 */
export async function loadYearlyFigures(
  db: Kysely<DB>,
  options: Disclosure & {
    years: readonly number[];
    timeZone: string;
    locale: Locale;
    /** Only the reports of one municipality (a staff report). */
    municipalityCode?: string;
  },
): Promise<YearlyFigures> {
  const { threshold, timeZone, locale } = options;
  const first = Math.min(...options.years);
  const last = Math.max(...options.years);
  const filters = {
    population: 'reports' as const,
    from: `${first}-01` as Month,
    to: `${last}-12` as Month,
    ...(options.municipalityCode ? { municipalityCode: options.municipalityCode } : {}),
  };
  const region = await networkRegion(db);
  const byYear = (rows: 'ground' | 'domain' | 'month' | 'municipality') =>
    countCrossTab(db, { rows: [rows], columns: 'year', filters }, { timeZone, locale });
  const [ground, domain, month, municipality] = [
    await byYear('ground'),
    await byYear('domain'),
    await byYear('month'),
    await byYear('municipality'),
  ];
  const taxonomy = currentTaxonomy();
  const groundGroups = await loadCaseGroups(db, {
    dimensions: ['ground', 'year'],
    filters,
    taxonomy,
    timeZone,
  });
  const caseGroups = await loadCaseGroups(db, {
    dimensions: ['year'],
    filters: { ...filters, population: 'cases' },
    taxonomy,
    timeZone,
  });

  const disclosure = { threshold, perturbed: options.perturbed, locale };
  const present = (counted: CountedCrossTab) => protectOneWay(counted, disclosure);

  const years = [...options.years]
    .sort((a, b) => b - a)
    .map((year): YearFigures => {
      const key = String(year);
      const split = discloseIntersectional(
        countGroundCombinations(
          groundGroups.groups
            .filter((group) => group.values[1]![0] === key)
            .map((group) => groundGroupOf(group)),
        ),
        disclosure,
      );
      const casesInYear = caseGroups.groups.filter((group) => group.values[0]![0] === key);
      return {
        year,
        reports: {
          total: split.total,
          singleGround: split.single,
          multipleGrounds: split.multiple,
          notClassified: split.notClassified,
        },
        casesTakenInCharge: discloseCount(
          casesInYear.reduce((sum, group) => sum + group.count, 0),
          casesInYear.reduce((sum, group) => addKeys(sum, group.key), 0),
          disclosure,
        ),
        byGround: present(yearSlice(ground, key)),
        byDomain: present(yearSlice(domain, key)),
        byMonth: present(yearSlice(month, key, (code) => code.startsWith(`${key}-`))),
        byMunicipality: protectMunicipalities(
          yearSlice(municipality, key),
          region.code,
          disclosure,
        ),
      };
    });
  return {
    regionCode: region.code,
    regionName: region.name ?? region.code,
    taxonomyVersion: taxonomy.version,
    threshold,
    years,
  };
}
