import {
  dimensionSources,
  NOT_CLASSIFIED,
  periodsBetween,
  type Dimension,
  type Month,
} from '../../core/stats/dimensions.ts';
import { codesOf, findCode, type Taxonomy } from '../../core/taxonomy/taxonomy.ts';
import { intlLocale, translate, type Locale } from '../../i18n/i18n.ts';
import type { Territory } from './case-groups.ts';

/** The row that gathers every place outside the network's region, online or not given. */
export const OTHER_TERRITORY = 'other';

/**
 * The values of a dimension in the order people expect to read them: the taxonomy's order,
 * the list's order, territories by name, periods in time order with the empty ones kept (a
 * month with no report is a fact, not a gap). Values found but not expected come after.
 */
export function layoutValues(
  dimension: Dimension,
  seen: ReadonlySet<string>,
  context: { taxonomy: Taxonomy; period: { from?: Month | undefined; to?: Month | undefined } },
  label: (value: string) => string,
): string[] {
  const source = dimensionSources[dimension];
  switch (source.kind) {
    case 'taxonomy':
      return codesOf(context.taxonomy, source.facet)
        .filter((entry) => !source.topLevelOnly || entry.parent === null)
        .map((entry) => entry.code);
    case 'list':
      return [...source.codes];
    case 'territory':
      return [...seen]
        .filter((value) => value !== NOT_CLASSIFIED)
        .sort((a, b) => label(a).localeCompare(label(b), 'it'));
    case 'time': {
      const months = [...seen].map(firstMonthOf).sort();
      const from = context.period.from ?? months[0];
      const to = context.period.to ?? lastMonthOf([...seen].sort().at(-1));
      if (!from || !to) return [];
      return periodsBetween(dimension as 'month' | 'quarter' | 'year', from, to);
    }
  }
}

function firstMonthOf(period: string): Month {
  if (/^\d{4}$/.test(period)) return `${period}-01` as Month;
  const quarter = /^(\d{4})-Q(\d)$/.exec(period);
  if (quarter)
    return `${quarter[1]}-${String(Number(quarter[2]) * 3 - 2).padStart(2, '0')}` as Month;
  return period as Month;
}

function lastMonthOf(period: string | undefined): Month | undefined {
  if (period === undefined) return undefined;
  if (/^\d{4}$/.test(period)) return `${period}-12` as Month;
  const quarter = /^(\d{4})-Q(\d)$/.exec(period);
  if (quarter) return `${quarter[1]}-${String(Number(quarter[2]) * 3).padStart(2, '0')}` as Month;
  return period as Month;
}

/** How a value of a dimension reads in a language. */
export function valueLabeller(
  dimension: Dimension,
  context: { taxonomy: Taxonomy; locale: Locale; territories: ReadonlyMap<string, Territory> },
): (value: string) => string {
  const { taxonomy, locale, territories } = context;
  const source = dimensionSources[dimension];
  const provinces = new Map([...territories.values()].map((t) => [t.provinceCode, t.provinceName]));
  const regions = new Map([...territories.values()].map((t) => [t.regionCode, t.regionName]));
  const monthFormat = new Intl.DateTimeFormat(intlLocale(locale), {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  return (value) => {
    if (value === NOT_CLASSIFIED) {
      return translate(locale, `stats.value.not_classified.${source.kind}`);
    }
    switch (source.kind) {
      case 'taxonomy':
        return findCode(taxonomy, source.facet, value)?.labels[locale] ?? value;
      case 'list':
        return translate(locale, `${source.messagePrefix}${value}`);
      case 'territory':
        if (value === OTHER_TERRITORY) return translate(locale, 'stats.value.other_territory');
        if (dimension === 'province') return provinces.get(value) ?? value;
        if (dimension === 'region') return regions.get(value) ?? value;
        return territories.get(value)?.name ?? value;
      case 'time': {
        const quarter = /^(\d{4})-Q(\d)$/.exec(value);
        if (quarter) {
          return translate(locale, 'stats.quarter', { year: quarter[1]!, quarter: quarter[2]! });
        }
        if (/^\d{4}-\d{2}$/.test(value)) return monthFormat.format(new Date(`${value}-01T00:00Z`));
        return value;
      }
    }
  };
}
