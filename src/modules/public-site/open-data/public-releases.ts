import { sql, type Kysely } from 'kysely';
import type { Config } from '../../../config.ts';
import { localDate } from '../../../core/cases/working-days.ts';
import { dueReleaseYears } from '../../../core/stats/releases.ts';
import type { DB } from '../../../db/schema.ts';
import type { Locale } from '../../../i18n/i18n.ts';
import type { JobDefinition } from '../../../jobs/job-definition.ts';
import { loadYearlyFigures, type YearFigures } from '../../stats/yearly-figures.ts';

/** One released year as the public pages and the open data show it, in one language. */
export interface PublicRelease {
  year: number;
  releasedAt: Date;
  threshold: number;
  taxonomyVersion: string;
  regionCode: string;
  regionName: string;
  figures: YearFigures;
}

type StoredFigures = Record<'it' | 'en', YearFigures>;

/** The first calendar year, in the network's time zone, with a report that allows statistics. */
async function firstYearWithReports(db: Kysely<DB>, timeZone: string): Promise<number | null> {
  const row = await db
    .selectFrom('cases')
    .select(
      sql<string | null>`to_char(min(received_at) AT TIME ZONE ${timeZone}, 'YYYY')`.as('year'),
    )
    .where('statistics_allowed', '=', true)
    .executeTakeFirst();
  return row?.year ? Number(row.year) : null;
}

/**
 * Releases every complete year that is due (`dueReleaseYears`): its tables are counted and
 * protected once, in Italian and English from the same snapshot of the cases, and stored. A year already
 * released is left as it is, so running this twice, or on two instances at once, changes
 * nothing. Answers the years released now.
 */
export async function releasePublicStats(
  db: Kysely<DB>,
  config: Config,
  now = new Date(),
): Promise<number[]> {
  const timeZone = config.cases.timeZone;
  const released = await db.selectFrom('public_stats_releases').select('year').execute();
  const due = dueReleaseYears({
    today: localDate(now, timeZone),
    delayDays: config.stats.publicReleaseDelayDays,
    firstYearWithReports: await firstYearWithReports(db, timeZone),
    released: released.map((row) => row.year),
  });
  const threshold = config.stats.publicThreshold;
  for (const year of due) {
    // Both languages read one snapshot: counted apart while a case changed, they would differ
    // by that case, and the two published versions could be subtracted.
    const [it, en] = await db
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute(async (trx) => {
        // Released figures are exact: years cannot be subtracted from one another.
        const release = { years: [year], threshold, perturbed: false, timeZone };
        return [
          await loadYearlyFigures(trx, { ...release, locale: 'it' }),
          await loadYearlyFigures(trx, { ...release, locale: 'en' }),
        ];
      });
    const figures: StoredFigures = { it: it.years[0]!, en: en.years[0]! };
    await db
      .insertInto('public_stats_releases')
      .values({
        year,
        released_at: now,
        threshold,
        taxonomy_version: it.taxonomyVersion,
        region_code: it.regionCode,
        region_name: it.regionName,
        figures: JSON.stringify(figures),
      })
      .onConflict((oc) => oc.column('year').doNothing())
      .execute();
  }
  return due;
}

/** The released years, newest first, in one language. */
export async function loadPublicReleases(db: Kysely<DB>, locale: Locale): Promise<PublicRelease[]> {
  const rows = await db
    .selectFrom('public_stats_releases')
    .selectAll()
    .orderBy('year', 'desc')
    .execute();
  const language = locale === 'it' ? 'it' : 'en';
  return rows.map((row) => ({
    year: row.year,
    releasedAt: row.released_at,
    threshold: row.threshold,
    taxonomyVersion: row.taxonomy_version,
    regionCode: row.region_code,
    regionName: row.region_name,
    figures: (row.figures as StoredFigures)[language],
  }));
}

export const releasePublicStatsJob: JobDefinition = {
  name: 'stats.release-public-data',
  // Hourly, so a year is out within the hour it falls due; a run with nothing due reads one
  // small table and the first report's year.
  schedule: { cron: '20 * * * *' },
  retry: { limit: 3, delaySeconds: 300 },
  expireInSeconds: 1800,
  handler: async ({ database, config }) => ({
    released: await releasePublicStats(database.db, config),
  }),
};
