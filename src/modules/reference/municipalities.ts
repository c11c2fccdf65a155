import type { Kysely, Selectable } from 'kysely';
import type { DB, MunicipalitiesTable } from '../../db/schema.ts';
import { toSearchName } from '../../core/search-name.ts';

export type Municipality = Selectable<MunicipalitiesTable>;

export function findMunicipality(
  db: Kysely<DB>,
  istatCode: string,
): Promise<Municipality | undefined> {
  return db
    .selectFrom('municipalities')
    .selectAll()
    .where('istat_code', '=', istatCode)
    .executeTakeFirst();
}

/** Escapes LIKE's wildcards so that what a person types is matched literally. */
function likePrefix(text: string): string {
  return `${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/**
 * Municipalities whose name starts with what was typed, ignoring case and accents ("forli"
 * finds "Forlì"); the most populous first, since they are the likeliest meant.
 */
export async function searchMunicipalities(
  db: Kysely<DB>,
  typed: string,
  options: { limit?: number; regionCode?: string } = {},
): Promise<Municipality[]> {
  const prefix = toSearchName(typed);
  if (prefix === '') return [];
  let query = db
    .selectFrom('municipalities')
    .selectAll()
    .where('search_name', 'like', likePrefix(prefix))
    .orderBy('population', 'desc')
    .orderBy('name')
    .limit(options.limit ?? 20);
  if (options.regionCode !== undefined) query = query.where('region_code', '=', options.regionCode);
  return query.execute();
}

/** Resident population of each municipality asked for, by ISTAT code (unknown codes are left out). */
export async function populationByCode(
  db: Kysely<DB>,
  istatCodes: readonly string[],
): Promise<Map<string, number>> {
  if (istatCodes.length === 0) return new Map();
  const rows = await db
    .selectFrom('municipalities')
    .select(['istat_code', 'population'])
    .where('istat_code', 'in', [...istatCodes])
    .execute();
  return new Map(rows.map((row) => [row.istat_code, row.population]));
}

export async function countMunicipalities(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom('municipalities')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
