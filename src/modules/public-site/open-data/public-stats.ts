import type { Kysely } from 'kysely';
import type { Month } from '../../../core/stats/dimensions.ts';
import type { DB } from '../../../db/schema.ts';
import type { Locale } from '../../../i18n/i18n.ts';
import type { StatsFilters } from '../../stats/case-groups.ts';
import { equalityCrossTab } from '../../stats/equality-crosstab.ts';
import { intersectionalAnalysis } from '../../stats/intersectional-analysis.ts';
import type { CrossTabResult, IntersectionalResult } from '../../stats/schemas.ts';
import { networkRegion } from '../find-desk/network-data.ts';

/** The periods the public pages offer: the last twelve full months, or a calendar year. */
export type PublicPeriod = { kind: 'last12' } | { kind: 'year'; year: number };

export function periodMonths(period: PublicPeriod, today: Date): { from: Month; to: Month } {
  if (period.kind === 'year') {
    return { from: `${period.year}-01` as Month, to: `${period.year}-12` as Month };
  }
  // The twelve months before the current one: a month still running would look like a drop.
  const year = today.getUTCFullYear();
  const month = today.getUTCMonth(); // 0-based: the previous month's 1-based number
  const last = month === 0 ? { year: year - 1, month: 12 } : { year, month };
  const first =
    last.month === 12
      ? { year: last.year, month: 1 }
      : { year: last.year - 1, month: last.month + 1 };
  const format = (value: { year: number; month: number }) =>
    `${value.year}-${String(value.month).padStart(2, '0')}` as Month;
  return { from: format(first), to: format(last) };
}

/** The years a reader can choose: this one and the four before it. */
export function offeredYears(today: Date): number[] {
  const year = today.getUTCFullYear();
  return [year, year - 1, year - 2, year - 3, year - 4];
}

export interface PublicStats {
  period: { from: Month; to: Month };
  regionName: string;
  regionCode: string;
  reports: IntersectionalResult;
  casesTakenInCharge: IntersectionalResult['total'];
  byGround: CrossTabResult;
  byDomain: CrossTabResult;
  byMonth: CrossTabResult;
  byMunicipality: CrossTabResult;
}

/**
 * Everything the public data page shows, each table protected with the public threshold. Every
 * table counts the same cases (reports in the period whose reporters allowed statistics), so
 * their totals agree and none gives away what another hides.
 */
export async function loadPublicStats(
  db: Kysely<DB>,
  options: {
    period: PublicPeriod;
    threshold: number;
    timeZone: string;
    locale: Locale;
    today: Date;
  },
): Promise<PublicStats> {
  const period = periodMonths(options.period, options.today);
  const filters: StatsFilters = { population: 'reports', ...period };
  const settings = {
    threshold: options.threshold,
    timeZone: options.timeZone,
    locale: options.locale,
  };
  const region = await networkRegion(db);
  const oneWay = (rows: 'ground' | 'domain' | 'month' | 'municipality', extra = {}) =>
    equalityCrossTab(
      db,
      { rows: [rows], columns: null, filters: { ...filters, ...extra } },
      settings,
    );
  const [reports, cases, byGround, byDomain, byMonth, byMunicipality] = await Promise.all([
    intersectionalAnalysis(db, filters, settings),
    intersectionalAnalysis(db, { ...filters, population: 'cases' }, settings),
    oneWay('ground'),
    oneWay('domain'),
    oneWay('month'),
    oneWay('municipality', { regionCode: region.code }),
  ]);
  return {
    period,
    regionName: region.name ?? region.code,
    regionCode: region.code,
    reports,
    casesTakenInCharge: cases.total,
    byGround,
    byDomain,
    byMonth,
    byMunicipality,
  };
}
