import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import type { Actor } from '../../core/policy.ts';
import type { DB } from '../../db/schema.ts';
import type { Locale } from '../../i18n/i18n.ts';
import type { JobDefinition } from '../../jobs/job-definition.ts';
import { fieldError } from '../cases/case-access.ts';
import { eraseFile } from '../files/erase-file.ts';
import { insertFile } from '../files/store-file.ts';
import { renderAnnualReportPdf } from '../public-site/open-data/annual-report-pdf.ts';
import { loadPublicStats } from '../public-site/open-data/public-stats.ts';

/**
 * Reports on equality data drawn for staff: a calendar year (the current one too), for the
 * network or one municipality, with the internal threshold, as the same tagged PDF as the
 * public yearly report, marked confidential. Drawing one counts every table of the year and
 * lays out the PDF, so it runs as a background job that records its progress; the requester
 * follows it and downloads the file when it is ready. Only the requester sees their reports;
 * they expire after `STATS_REPORT_DAYS`, since the same permission can draw them again.
 */
export const STATS_REPORT_DAYS = 7;
export const BUILD_STATS_REPORT_JOB = 'stats.build-report';
const STORED_FILE_PURPOSE = 'stats_report';

export type StaffReportStatus = 'queued' | 'running' | 'done' | 'failed';

export interface StaffReportView {
  id: string;
  year: number;
  municipality: { code: string; name: string } | null;
  locale: Locale;
  status: StaffReportStatus;
  progress: number;
  createdAt: Date;
  finishedAt: Date | null;
  expiresAt: Date;
}

function reportQuery(db: Kysely<DB>) {
  return db
    .selectFrom('stats_reports')
    .leftJoin('municipalities', 'municipalities.istat_code', 'stats_reports.municipality_code')
    .select([
      'stats_reports.id',
      'stats_reports.year',
      'stats_reports.municipality_code',
      'municipalities.name as municipality_name',
      'stats_reports.locale',
      'stats_reports.status',
      'stats_reports.progress',
      'stats_reports.created_at',
      'stats_reports.finished_at',
      'stats_reports.expires_at',
      'stats_reports.file_id',
    ]);
}

type ReportRow = Awaited<ReturnType<ReturnType<typeof reportQuery>['executeTakeFirstOrThrow']>>;

function viewOf(row: ReportRow): StaffReportView {
  return {
    id: row.id,
    year: row.year,
    municipality:
      row.municipality_code && row.municipality_name
        ? { code: row.municipality_code, name: row.municipality_name }
        : null,
    locale: row.locale,
    status: row.status,
    progress: row.progress,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
    expiresAt: row.expires_at,
  };
}

/** The years a report can cover: the current one and the nine before it. */
export function reportYears(today: Date, timeZone: string): number[] {
  const year = Number(new Intl.DateTimeFormat('en', { year: 'numeric', timeZone }).format(today));
  return Array.from({ length: 10 }, (_, index) => year - index);
}

/** Records the request; the caller queues the job that draws it. */
export async function requestStaffReport(
  db: Kysely<DB>,
  config: Config,
  actor: Actor,
  input: { year: number; municipalityCode: string | null; locale: Locale },
  messagesLocale: Locale,
  now = new Date(),
): Promise<StaffReportView> {
  if (!reportYears(now, config.cases.timeZone).includes(input.year)) {
    throw fieldError(messagesLocale, 'year', 'stats.reports.year_out_of_range');
  }
  if (input.municipalityCode !== null) {
    const found = await db
      .selectFrom('municipalities')
      .select('istat_code')
      .where('istat_code', '=', input.municipalityCode)
      .executeTakeFirst();
    if (!found) {
      throw fieldError(messagesLocale, 'municipalityCode', 'stats.reports.municipality_unknown');
    }
  }
  const { id } = await db
    .insertInto('stats_reports')
    .values({
      requested_by: actor.id,
      year: input.year,
      municipality_code: input.municipalityCode,
      locale: input.locale,
      created_at: now,
      expires_at: new Date(now.getTime() + STATS_REPORT_DAYS * 86_400_000),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return (await loadStaffReport(db, actor.id, id, now))!;
}

/** The requester's reports not yet expired, newest first. */
export async function listStaffReports(
  db: Kysely<DB>,
  actorId: string,
  now = new Date(),
): Promise<StaffReportView[]> {
  const rows = await reportQuery(db)
    .where('stats_reports.requested_by', '=', actorId)
    .where('stats_reports.expires_at', '>', now)
    .orderBy('stats_reports.created_at', 'desc')
    .limit(20)
    .execute();
  return rows.map(viewOf);
}

/** One of the requester's reports; undefined for anyone else's, as for a missing one. */
export async function loadStaffReport(
  db: Kysely<DB>,
  actorId: string,
  id: string,
  now = new Date(),
): Promise<(StaffReportView & { fileId: string | null }) | undefined> {
  const row = await reportQuery(db)
    .where('stats_reports.id', '=', id)
    .where('stats_reports.requested_by', '=', actorId)
    .where('stats_reports.expires_at', '>', now)
    .executeTakeFirst();
  return row ? { ...viewOf(row), fileId: row.file_id } : undefined;
}

async function setProgress(db: Kysely<DB>, id: string, progress: number) {
  await db
    .updateTable('stats_reports')
    .set({ status: 'running', progress })
    .where('id', '=', id)
    .execute();
}

/**
 * Draws a requested report: counts and protects the year's tables, lays out the PDF, stores it
 * encrypted, recording the progress on the way. Run again on a report already drawn, it does
 * nothing (pg-boss delivers at least once).
 */
export async function buildStaffReport(
  db: Kysely<DB>,
  config: Config,
  id: string,
  now = new Date(),
): Promise<'done' | 'skipped'> {
  const request = await db
    .selectFrom('stats_reports')
    .select(['year', 'municipality_code', 'locale', 'status', 'requested_by'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!request || request.status === 'done') return 'skipped';
  try {
    await setProgress(db, id, 5);
    const threshold = config.stats.internalThreshold;
    const stats = await loadPublicStats(db, {
      years: [request.year],
      threshold,
      timeZone: config.cases.timeZone,
      locale: request.locale,
      ...(request.municipality_code ? { municipalityCode: request.municipality_code } : {}),
    });
    await setProgress(db, id, 60);
    const place = request.municipality_code
      ? await db
          .selectFrom('municipalities')
          .select('name')
          .where('istat_code', '=', request.municipality_code)
          .executeTakeFirst()
      : undefined;
    const pdf = await renderAnnualReportPdf(
      {
        year: request.year,
        releasedAt: now,
        threshold,
        taxonomyVersion: stats.taxonomyVersion,
        regionCode: stats.regionCode,
        regionName: stats.regionName,
        figures: stats.years[0]!,
      },
      {
        locale: request.locale,
        edition: { kind: 'internal', territoryName: place?.name ?? null },
      },
    );
    await setProgress(db, id, 90);
    const suffix = request.municipality_code ?? 'network';
    await db.transaction().execute(async (trx) => {
      const file = await insertFile(
        trx,
        config.masterKeys,
        {
          family: 'pdf',
          mediaType: 'application/pdf',
          fileName: `report-${request.year}-${suffix}.pdf`,
          clean: pdf,
        },
        { purpose: STORED_FILE_PURPOSE, actorId: request.requested_by },
      );
      await trx
        .updateTable('stats_reports')
        .set({ status: 'done', progress: 100, file_id: file.id, finished_at: new Date() })
        .where('id', '=', id)
        .execute();
    });
    return 'done';
  } catch (error) {
    await db
      .updateTable('stats_reports')
      .set({ status: 'failed', finished_at: new Date() })
      .where('id', '=', id)
      .execute();
    throw error;
  }
}

/** Erases expired reports and their files. Answers how many. */
export async function purgeExpiredStaffReports(db: Kysely<DB>, now = new Date()) {
  return db.transaction().execute(async (trx) => {
    const expired = await trx
      .deleteFrom('stats_reports')
      .where('expires_at', '<=', now)
      .returning('file_id')
      .execute();
    for (const { file_id } of expired) if (file_id) await eraseFile(trx, file_id);
    return expired.length;
  });
}

const jobData = z.object({ id: z.uuid() });

export const buildStatsReportJob: JobDefinition = {
  name: BUILD_STATS_REPORT_JOB,
  retry: { limit: 1, delaySeconds: 30 },
  expireInSeconds: 900,
  handler: async ({ database, config }, job) => ({
    result: await buildStaffReport(database.db, config, jobData.parse(job.data).id),
  }),
};

export const purgeStatsReportsJob: JobDefinition = {
  name: 'stats.purge-reports',
  schedule: { cron: '40 3 * * *' },
  retry: { limit: 2, delaySeconds: 300 },
  handler: async ({ database }) => ({ purged: await purgeExpiredStaffReports(database.db) }),
};
