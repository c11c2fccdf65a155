import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { DB, MunicipalitiesTable } from '../../db/schema.ts';
import { parseCsv } from './csv.ts';
import { referenceDataDir } from './paths.ts';
import { toSearchName } from '../../core/search-name.ts';
import { loadTaxonomies } from '../taxonomy/load-taxonomy.ts';

const MUNICIPALITIES_DATASET = 'istat-municipalities';
const MUNICIPALITIES_FILE = join(referenceDataDir, 'comuni.csv');
const POPULATION_YEAR = 2011;
// 1,000 rows × 11 columns stays far below PostgreSQL's 65,535 parameters per statement.
const BATCH_SIZE = 1_000;

const municipalityColumns = [
  'istat_code',
  'name',
  'province_code',
  'province_name',
  'province_abbr',
  'region_code',
  'region_name',
  'cadastral_code',
  'population_2011',
] as const;

function toMunicipality(row: Record<string, string>, line: number): MunicipalitiesTable {
  for (const column of municipalityColumns) {
    if (row[column] === undefined || row[column] === '') {
      throw new Error(`comuni.csv line ${line}: column ${column} is empty`);
    }
  }
  const population = Number(row['population_2011']);
  if (!Number.isInteger(population) || population < 0) {
    throw new Error(`comuni.csv line ${line}: population_2011 is not a whole number`);
  }
  const name = row['name']!;
  return {
    istat_code: row['istat_code']!,
    name,
    search_name: toSearchName(name),
    province_code: row['province_code']!,
    province_name: row['province_name']!,
    province_acronym: row['province_abbr']!,
    region_code: row['region_code']!,
    region_name: row['region_name']!,
    cadastral_code: row['cadastral_code']!,
    population,
    population_year: POPULATION_YEAR,
  };
}

/**
 * Loads the reference data sets shipped in `src/reference/data`: the ISTAT municipalities and
 * the taxonomy versions.
 * Runs at every start, so it must cost nothing when the data are already there: the file's
 * checksum is compared with the one recorded at the last load. A changed file is upserted in
 * one transaction; municipalities missing from a newer file are kept, since organisations may
 * still refer to them.
 */
export async function loadReferenceData(db: Kysely<DB>): Promise<{ loaded: string[] }> {
  const taxonomies = await loadTaxonomies(db);
  const municipalities = await loadMunicipalities(db);
  return { loaded: [...municipalities, ...taxonomies] };
}

async function loadMunicipalities(db: Kysely<DB>): Promise<string[]> {
  const file = readFileSync(MUNICIPALITIES_FILE);
  const checksum = createHash('sha256').update(file).digest('hex');
  const recorded = await db
    .selectFrom('reference_datasets')
    .select('checksum')
    .where('name', '=', MUNICIPALITIES_DATASET)
    .executeTakeFirst();
  if (recorded?.checksum === checksum) return [];

  const municipalities = parseCsv(file.toString('utf8')).map((row, index) =>
    toMunicipality(row, index + 2),
  );
  await db.transaction().execute(async (trx) => {
    for (let start = 0; start < municipalities.length; start += BATCH_SIZE) {
      await trx
        .insertInto('municipalities')
        .values(municipalities.slice(start, start + BATCH_SIZE))
        .onConflict((conflict) =>
          conflict.column('istat_code').doUpdateSet((eb) => ({
            name: eb.ref('excluded.name'),
            search_name: eb.ref('excluded.search_name'),
            province_code: eb.ref('excluded.province_code'),
            province_name: eb.ref('excluded.province_name'),
            province_acronym: eb.ref('excluded.province_acronym'),
            region_code: eb.ref('excluded.region_code'),
            region_name: eb.ref('excluded.region_name'),
            cadastral_code: eb.ref('excluded.cadastral_code'),
            population: eb.ref('excluded.population'),
            population_year: eb.ref('excluded.population_year'),
          })),
        )
        .execute();
    }
    await trx
      .insertInto('reference_datasets')
      .values({ name: MUNICIPALITIES_DATASET, checksum })
      .onConflict((conflict) =>
        conflict.column('name').doUpdateSet({ checksum, loaded_at: new Date() }),
      )
      .execute();
  });
  return [MUNICIPALITIES_DATASET];
}
