import { sql, type Kysely, type RawBuilder } from 'kysely';
import {
  monthBounds,
  NOT_CLASSIFIED,
  territoryDimensions,
  type Dimension,
  type Month,
} from '../../core/stats/dimensions.ts';
import type { CaseGroup } from '../../core/stats/crosstab.ts';
import { KEY_MODULUS } from '../../core/stats/perturbation.ts';
import type { Taxonomy } from '../../core/taxonomy/taxonomy.ts';
import type { DB } from '../../db/schema.ts';
import { rollupCanAnswer, rollupIsFresh } from './stats-rollup.ts';

/** Which cases a statistic counts. Every filter is on classified, pseudonymous columns. */
export interface StatsFilters {
  /** `reports`: everything received; `cases`: what a desk took in charge. */
  population: 'reports' | 'cases';
  from?: Month | undefined;
  to?: Month | undefined;
  /** Codes of the facet; a top-level ground also matches its sub-codes. */
  grounds?: readonly string[] | undefined;
  domains?: readonly string[] | undefined;
  types?: readonly string[] | undefined;
  channels?: readonly string[] | undefined;
  regionCode?: string | undefined;
  provinceCode?: string | undefined;
  municipalityCode?: string | undefined;
}

/**
 * The raw column a dimension is read from: arrays of codes for multi-valued facets, one value
 * otherwise. Grouping by raw values keeps the scan as cheap as a bare GROUP BY; mapping to
 * top-level grounds, provinces or quarters happens on the few groups, in `valuesOf`.
 */
function rawColumn(dimension: Dimension, timeZone: string): RawBuilder<unknown> {
  switch (dimension) {
    case 'ground':
    case 'ground_detail':
      return sql`c.ground_codes`;
    case 'domain':
      return sql`c.domain_codes`;
    case 'type':
      return sql`c.type_codes`;
    case 'perpetrator_sector':
      return sql`c.perpetrator_sector_codes`;
    case 'reporter_role':
      return sql`c.reporter_role`;
    case 'channel':
      return sql`c.channel`;
    case 'outcome':
      return sql`c.outcome_code`;
    case 'age_band':
      return sql`c.victim_age_band`;
    case 'gender':
      return sql`c.victim_gender`;
    case 'citizenship_group':
      return sql`c.victim_citizenship_group`;
    case 'municipality':
    case 'province':
    case 'region':
      return sql`c.municipality_code`;
    case 'month':
    case 'quarter':
    case 'year':
      return sql`to_char(c.received_at AT TIME ZONE ${timeZone}, 'YYYY-MM')`;
  }
}

export interface Territory {
  name: string;
  provinceCode: string;
  provinceName: string;
  regionCode: string;
  regionName: string;
}

/** What turns a raw value into a dimension's values. */
export interface ValueContext {
  /** Each ground code's top-level ground (itself for a top-level one). */
  groundParents: ReadonlyMap<string, string>;
  territories: ReadonlyMap<string, Territory>;
}

export function groundParentsOf(taxonomy: Taxonomy): Map<string, string> {
  return new Map(
    taxonomy.codes
      .filter((entry) => entry.facet === 'ground')
      .map((entry) => [entry.code, entry.parent ?? entry.code]),
  );
}

function distinct(values: readonly string[]): string[] {
  const unique = [...new Set(values)];
  return unique.length > 0 ? unique : [NOT_CLASSIFIED];
}

/** The distinct values a group of cases holds for a dimension, from its raw column. */
export function valuesOf(dimension: Dimension, raw: unknown, context: ValueContext): string[] {
  if (Array.isArray(raw)) {
    const codes = raw as string[];
    if (dimension !== 'ground') return distinct(codes);
    return distinct(codes.map((code) => context.groundParents.get(code) ?? code));
  }
  if (typeof raw !== 'string') return [NOT_CLASSIFIED];
  if (dimension === 'province') {
    return [context.territories.get(raw)?.provinceCode ?? NOT_CLASSIFIED];
  }
  if (dimension === 'region') return [context.territories.get(raw)?.regionCode ?? NOT_CLASSIFIED];
  if (dimension === 'quarter')
    return [`${raw.slice(0, 4)}-Q${Math.ceil(Number(raw.slice(5, 7)) / 3)}`];
  if (dimension === 'year') return [raw.slice(0, 4)];
  return [raw];
}

/** Codes to match for a ground filter: a top-level ground brings its sub-codes along. */
function groundCodesMatching(taxonomy: Taxonomy, codes: readonly string[]): string[] {
  return taxonomy.codes
    .filter(
      (entry) =>
        entry.facet === 'ground' &&
        (codes.includes(entry.code) || (entry.parent !== null && codes.includes(entry.parent))),
    )
    .map((entry) => entry.code);
}

type RawRow = Record<string, unknown> & { n: number; key: number };

/**
 * Groups the cases that consented to statistics by the raw values of the dimensions asked,
 * with the filters applied, and maps each group to its dimension values. Reads the rollup when
 * it can answer and is fresh, the cases otherwise: the same groups either way.
 */
export async function loadCaseGroups(
  db: Kysely<DB>,
  options: {
    dimensions: readonly Dimension[];
    filters: StatsFilters;
    taxonomy: Taxonomy;
    timeZone: string;
  },
): Promise<{ groups: CaseGroup[]; territories: Map<string, Territory> }> {
  const { dimensions, taxonomy } = options;
  const fromRollup =
    rollupCanAnswer(dimensions, options.filters) && (await rollupIsFresh(db, options.timeZone));
  const rows = fromRollup ? await rollupRows(db, options) : await caseRows(db, options);
  const territories = await loadTerritories(db, dimensions, rows);
  const context: ValueContext = { groundParents: groundParentsOf(taxonomy), territories };
  const groups = rows.map((row) => ({
    values: dimensions.map((dimension, index) => valuesOf(dimension, row[`d${index}`], context)),
    count: row.n,
    key: row.key,
  }));
  return { groups, territories };
}

interface GroupQuery {
  dimensions: readonly Dimension[];
  filters: StatsFilters;
  taxonomy: Taxonomy;
  timeZone: string;
}

async function caseRows(db: Kysely<DB>, options: GroupQuery): Promise<RawRow[]> {
  const { dimensions, filters, taxonomy, timeZone } = options;
  const needsTerritory = filters.regionCode !== undefined || filters.provinceCode !== undefined;
  let query = db
    .selectFrom('cases as c')
    // The reporter's choice: a case without the statistics consent is never counted.
    .where('c.statistics_allowed', '=', true);
  if (needsTerritory) {
    query = query.where((eb) =>
      eb(
        'c.municipality_code',
        'in',
        eb
          .selectFrom('municipalities as m')
          .select('m.istat_code')
          .$if(filters.regionCode !== undefined, (qb) =>
            qb.where('m.region_code', '=', filters.regionCode!),
          )
          .$if(filters.provinceCode !== undefined, (qb) =>
            qb.where('m.province_code', '=', filters.provinceCode!),
          ),
      ),
    );
  }
  if (filters.population === 'cases') query = query.where('c.taken_in_charge_at', 'is not', null);
  if (filters.from) {
    query = query.where(
      'c.received_at',
      '>=',
      sql<Date>`(${monthBounds(filters.from).first}::date)::timestamp AT TIME ZONE ${timeZone}`,
    );
  }
  if (filters.to) {
    query = query.where(
      'c.received_at',
      '<',
      sql<Date>`(${monthBounds(filters.to).next}::date)::timestamp AT TIME ZONE ${timeZone}`,
    );
  }
  if (filters.grounds?.length) {
    const codes = groundCodesMatching(taxonomy, filters.grounds);
    query = query.where(sql<boolean>`c.ground_codes && ${sql.val(codes)}::text[]`);
  }
  if (filters.domains?.length) {
    query = query.where(sql<boolean>`c.domain_codes && ${sql.val([...filters.domains])}::text[]`);
  }
  if (filters.types?.length) {
    query = query.where(sql<boolean>`c.type_codes && ${sql.val([...filters.types])}::text[]`);
  }
  if (filters.channels?.length) query = query.where('c.channel', 'in', [...filters.channels]);
  if (filters.municipalityCode) {
    query = query.where('c.municipality_code', '=', filters.municipalityCode);
  }
  const columns = dimensions.map((dimension, index) =>
    rawColumn(dimension, timeZone).as(`d${index}`),
  );
  return await query
    .select([
      ...columns,
      sql<number>`count(*)::int`.as('n'),
      sql<number>`(sum(c.stats_key) % ${sql.lit(KEY_MODULUS)})::int`.as('key'),
    ])
    .groupBy(columns.map((_, index) => sql.ref(`d${index}`)))
    .execute();
}

/** The same groups from the rollup, whose months are already cut in the network's zone. */
async function rollupRows(db: Kysely<DB>, options: GroupQuery): Promise<RawRow[]> {
  const { dimensions, filters, taxonomy } = options;
  const column = (dimension: Dimension) =>
    dimension === 'ground' || dimension === 'ground_detail'
      ? sql`r.ground_codes`
      : dimension === 'domain'
        ? sql`r.domain_codes`
        : sql`r.month`;
  let query = db.selectFrom('case_stats_rollup as r');
  if (filters.population === 'cases') query = query.where('r.taken_in_charge', '=', true);
  if (filters.from) query = query.where('r.month', '>=', filters.from);
  if (filters.to) query = query.where('r.month', '<=', filters.to);
  if (filters.grounds?.length) {
    const codes = groundCodesMatching(taxonomy, filters.grounds);
    query = query.where(sql<boolean>`r.ground_codes && ${sql.val(codes)}::text[]`);
  }
  if (filters.domains?.length) {
    query = query.where(sql<boolean>`r.domain_codes && ${sql.val([...filters.domains])}::text[]`);
  }
  const columns = dimensions.map((dimension, index) => column(dimension).as(`d${index}`));
  return await query
    .select([
      ...columns,
      sql<number>`sum(r.cases)::int`.as('n'),
      sql<number>`(sum(r.key_sum) % ${sql.lit(KEY_MODULUS)})::int`.as('key'),
    ])
    .groupBy(columns.map((_, index) => sql.ref(`d${index}`)))
    .execute();
}

/** Provinces and regions of the municipalities the groups mention, with the names to show. */
async function loadTerritories(
  db: Kysely<DB>,
  dimensions: readonly Dimension[],
  rows: readonly Record<string, unknown>[],
): Promise<Map<string, Territory>> {
  const codes = new Set<string>();
  dimensions.forEach((dimension, index) => {
    if (!territoryDimensions.has(dimension)) return;
    for (const row of rows) {
      const value = row[`d${index}`];
      if (typeof value === 'string') codes.add(value);
    }
  });
  if (codes.size === 0) return new Map();
  const found = await db
    .selectFrom('municipalities')
    .select(['istat_code', 'name', 'province_code', 'province_name', 'region_code', 'region_name'])
    .where('istat_code', 'in', [...codes])
    .execute();
  return new Map(
    found.map((row) => [
      row.istat_code,
      {
        name: row.name,
        provinceCode: row.province_code,
        provinceName: row.province_name,
        regionCode: row.region_code,
        regionName: row.region_name,
      },
    ]),
  );
}
