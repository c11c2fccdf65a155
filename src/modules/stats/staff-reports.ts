import type { ExpressionBuilder, Kysely } from 'kysely';
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
import { loadYearlyFigures } from './yearly-figures.ts';

/**
 * Reports on equality data drawn for staff: a calendar year (the current one too), for the
 * network or one municipality, with the internal threshold, as the same tagged PDF as the
 * public yearly report, marked confidential. Drawing one counts every table of the year and
 * lays out the PDF, so it runs as a background job that records its progress; the requester
 * follows it and downloads the file when it is ready. Only the requester sees their reports;
 * they expire after `STATS_REPORT_DAYS`, since the same permission can draw them again.
 */
export const STATS_REPORT_DAYS = 7;
/** Reports one person may have waiting at once: each one is a few seconds of a worker's CPU. */
export const MAX_WAITING_REPORTS = 3;
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
  const waiting = await db
    .selectFrom('stats_reports')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('requested_by', '=', actor.id)
    .where('status', 'in', ['queued', 'running'])
    .where('expires_at', '>', now)
    .executeTakeFirstOrThrow();
  if (Number(waiting.count) >= MAX_WAITING_REPORTS) {
    throw fieldError(messagesLocale, 'year', 'stats.reports.too_many', {
      max: MAX_WAITING_REPORTS,
    });
  }
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

/** A run that has not finished after this long is taken to have died, and is claimed again. */
const STALE_RUN_MS = 15 * 60_000;

class LostClaimError extends Error {}

/** A report no run holds: waiting, or claimed by a run that has not finished in time. */
function claimable(eb: ExpressionBuilder<DB, 'stats_reports'>, now: Date) {
  return eb.or([
    eb('status', '=', 'queued'),
    eb.and([
      eb('status', '=', 'running'),
      eb('started_at', '<', new Date(now.getTime() - STALE_RUN_MS)),
    ]),
  ]);
}

/**
 * Draws a requested report: claims it (so a second delivery of the job, or another worker,
 * leaves it alone), counts and protects the year's tables, lays out the PDF and stores it
 * encrypted, recording the progress on the way. A report already drawn, or being drawn, is
 * skipped; a run that died is claimed again after `STALE_RUN_MS`.
 */
export async function buildStaffReport(
  db: Kysely<DB>,
  config: Config,
  id: string,
  now = new Date(),
): Promise<'done' | 'skipped'> {
  const claimedAt = new Date();
  const request = await db
    .updateTable('stats_reports')
    .set({ status: 'running', progress: 5, started_at: claimedAt })
    .where('id', '=', id)
    .where((eb) => claimable(eb, claimedAt))
    .returning(['year', 'municipality_code', 'locale', 'requested_by'])
    .executeTakeFirst();
  if (!request) return 'skipped';
  // Every later write is this run's only while the claim is still its own.
  const mine = () =>
    db
      .updateTable('stats_reports')
      .where('id', '=', id)
      .where('status', '=', 'running')
      .where('started_at', '=', claimedAt);
  try {
    const threshold = config.stats.internalThreshold;
    const stats = await loadYearlyFigures(db, {
      years: [request.year],
      threshold,
      // As every staff figure: perturbed, so a report and a dashboard query cannot be subtracted.
      perturbed: true,
      timeZone: config.cases.timeZone,
      locale: request.locale,
      ...(request.municipality_code ? { municipalityCode: request.municipality_code } : {}),
    });
    await mine().set({ progress: 60 }).execute();
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
    await mine().set({ progress: 90 }).execute();
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
      const finished = await trx
        .updateTable('stats_reports')
        .set({ status: 'done', progress: 100, file_id: file.id, finished_at: new Date() })
        .where('id', '=', id)
        .where('status', '=', 'running')
        .where('started_at', '=', claimedAt)
        .executeTakeFirst();
      // Another run took the report over meanwhile: keep its file, not a second one.
      if (Number(finished.numUpdatedRows) === 0) throw new LostClaimError();
    });
    return 'done';
  } catch (error) {
    if (error instanceof LostClaimError) return 'skipped';
    await mine().set({ status: 'failed', finished_at: new Date() }).execute();
    throw error;
  }
}

/** Reports waiting for a worker (or whose run died), oldest first. */
async function waitingReports(db: Kysely<DB>, now = new Date()): Promise<string[]> {
  const rows = await db
    .selectFrom('stats_reports')
    .select('id')
    .where((eb) => claimable(eb, now))
    .where('expires_at', '>', now)
    .orderBy('created_at')
    .limit(20)
    .execute();
  return rows.map((row) => row.id);
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

const jobData = z.object({ id: z.uuid() }).nullable();

/**
 * Draws the report the request route queued; on its schedule (every minute, no data) it draws
 * every report still waiting: those asked on an instance that runs no worker (`JOBS=off`), or
 * whose job was lost. A failed report is not retried: its requester sees it and asks again.
 */
export const buildStatsReportJob: JobDefinition = {
  name: BUILD_STATS_REPORT_JOB,
  schedule: { cron: '* * * * *' },
  retry: { limit: 0, delaySeconds: 0 },
  expireInSeconds: 900,
  handler: async ({ database, config }, job) => {
    const data = jobData.parse(job.data ?? null);
    const ids = data ? [data.id] : await waitingReports(database.db);
    const results: string[] = [];
    for (const id of ids) results.push(await buildStaffReport(database.db, config, id));
    return { done: results.filter((result) => result === 'done').length, asked: ids.length };
  },
};

export const purgeStatsReportsJob: JobDefinition = {
  name: 'stats.purge-reports',
  schedule: { cron: '40 3 * * *' },
  retry: { limit: 2, delaySeconds: 300 },
  handler: async ({ database }) => ({ purged: await purgeExpiredStaffReports(database.db) }),
};
