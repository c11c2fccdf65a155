/**
 * What equality data can be broken down by: the classified, pseudonymous fields of a case, its
 * territory through the ISTAT hierarchy and the time it was received. Never an encrypted field.
 *
 * Some facets hold several values per case (a case may have two grounds): a breakdown by such a
 * facet counts the case once under each value, so it may sum to more than the number of cases,
 * while every total counts a case once.
 */
import { victimProfileOptions, intakeChannels } from '../cases/vocabularies.ts';

export const dimensions = [
  'ground',
  'ground_detail',
  'domain',
  'type',
  'perpetrator_sector',
  'reporter_role',
  'channel',
  'outcome',
  'age_band',
  'gender',
  'citizenship_group',
  'municipality',
  'province',
  'region',
  'month',
  'quarter',
  'year',
] as const;
export type Dimension = (typeof dimensions)[number];

/** Facets a case can hold several values of. */
export const multiValuedDimensions: ReadonlySet<Dimension> = new Set([
  'ground',
  'ground_detail',
  'domain',
  'type',
  'perpetrator_sector',
]);

export const timeDimensions: ReadonlySet<Dimension> = new Set(['month', 'quarter', 'year']);
export const territoryDimensions: ReadonlySet<Dimension> = new Set([
  'municipality',
  'province',
  'region',
]);

/**
 * The value of a case that has none for a dimension: not classified yet, an online case with no
 * municipality. Shown as its own row, never dropped, so totals stay whole.
 */
export const NOT_CLASSIFIED = 'not_classified';

/** Where a dimension's codes and their order come from. */
export type DimensionSource =
  | {
      kind: 'taxonomy';
      facet: 'ground' | 'domain' | 'type' | 'perpetrator_sector' | 'reporter_role' | 'outcome';
      topLevelOnly: boolean;
    }
  | { kind: 'list'; codes: readonly string[]; messagePrefix: string }
  | { kind: 'territory' }
  | { kind: 'time' };

export const dimensionSources: Record<Dimension, DimensionSource> = {
  ground: { kind: 'taxonomy', facet: 'ground', topLevelOnly: true },
  ground_detail: { kind: 'taxonomy', facet: 'ground', topLevelOnly: false },
  domain: { kind: 'taxonomy', facet: 'domain', topLevelOnly: false },
  type: { kind: 'taxonomy', facet: 'type', topLevelOnly: false },
  perpetrator_sector: { kind: 'taxonomy', facet: 'perpetrator_sector', topLevelOnly: false },
  reporter_role: { kind: 'taxonomy', facet: 'reporter_role', topLevelOnly: false },
  outcome: { kind: 'taxonomy', facet: 'outcome', topLevelOnly: false },
  channel: { kind: 'list', codes: intakeChannels, messagePrefix: 'bo.cases.channel.' },
  age_band: {
    kind: 'list',
    codes: victimProfileOptions.ageBand,
    messagePrefix: 'bo.cases.victim.ageBand.',
  },
  gender: {
    kind: 'list',
    codes: victimProfileOptions.gender,
    messagePrefix: 'bo.cases.victim.gender.',
  },
  citizenship_group: {
    kind: 'list',
    codes: victimProfileOptions.citizenshipGroup,
    messagePrefix: 'bo.cases.victim.citizenshipGroup.',
  },
  municipality: { kind: 'territory' },
  province: { kind: 'territory' },
  region: { kind: 'territory' },
  month: { kind: 'time' },
  quarter: { kind: 'time' },
  year: { kind: 'time' },
};

/** A month as `YYYY-MM`; periods are whole months so that every table covers the same days. */
export type Month = `${number}-${number}`;

/** Years a period may name: reports are recent, and a wild year is a mistake or an attack. */
export const FIRST_YEAR = 1990;
export const LAST_YEAR = 2100;

export function isMonth(value: string): value is Month {
  const match = /^(\d{4})-(\d{2})$/.exec(value);
  if (match === null) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  return year >= FIRST_YEAR && year <= LAST_YEAR && month >= 1 && month <= 12;
}

/** The first day of a month and the first day of the month after it, as ISO dates. */
export function monthBounds(month: Month): { first: string; next: string } {
  const [year, number] = month.split('-').map(Number) as [number, number];
  const nextYear = number === 12 ? year + 1 : year;
  const nextMonth = number === 12 ? 1 : number + 1;
  return {
    first: `${year}-${String(number).padStart(2, '0')}-01`,
    next: `${nextYear}-${String(nextMonth).padStart(2, '0')}-01`,
  };
}

/** Every period of a time dimension from one month to another, both included, in order. */
export function periodsBetween(dimension: 'month' | 'quarter' | 'year', from: Month, to: Month) {
  const periods: string[] = [];
  let [year, month] = from.split('-').map(Number) as [number, number];
  const [lastYear, lastMonth] = to.split('-').map(Number) as [number, number];
  while (year < lastYear || (year === lastYear && month <= lastMonth)) {
    const period = periodOf(dimension, year, month);
    if (periods.at(-1) !== period) periods.push(period);
    month += 1;
    if (month === 13) {
      month = 1;
      year += 1;
    }
  }
  return periods;
}

function periodOf(dimension: 'month' | 'quarter' | 'year', year: number, month: number): string {
  switch (dimension) {
    case 'month':
      return `${year}-${String(month).padStart(2, '0')}`;
    case 'quarter':
      return `${year}-Q${Math.ceil(month / 3)}`;
    case 'year':
      return String(year);
  }
}
