import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startJobs } from '../../../src/jobs/jobs.ts';
import { jobDefinitions } from '../../../src/jobs/registry.ts';
import {
  buildStaffReport,
  buildStatsReportJob,
  purgeExpiredStaffReports,
  purgeStatsReportsJob,
  STATS_REPORT_DAYS,
} from '../../../src/modules/stats/staff-reports.ts';
import { loadYearlyFigures } from '../../../src/modules/stats/yearly-figures.ts';
import type { CrossTabResult, IntersectionalResult } from '../../../src/modules/stats/schemas.ts';
import { testDatabaseKind } from '../../helpers/test-db.ts';
import { setUpCaseWorld, type CaseWorld } from '../cases/case-fixtures.ts';
import {
  generateCases,
  insertCases,
  PISA,
  romeMonth,
  staffFigure,
  type GeneratedCase,
} from './stats-fixtures.ts';

interface ReportView {
  id: string;
  year: number;
  municipality: { code: string; name: string } | null;
  status: string;
  progress: number;
}

describe(`staff reports on equality data on ${testDatabaseKind}`, () => {
  let world: CaseWorld;
  let cases: GeneratedCase[];
  beforeAll(async () => {
    world = await setUpCaseWorld();
    cases = generateCases(400, 21);
    await insertCases(world.db, cases);
  });
  afterAll(() => world.context.close());

  it('counts the year as the dashboard does: the same cases, the same perturbed figures', async () => {
    const figures = await loadYearlyFigures(world.db, {
      years: [2025],
      threshold: 5,
      perturbed: true,
      timeZone: world.context.config.cases.timeZone,
      locale: 'it',
    });
    const year = figures.years[0]!;
    expect(year.byGround.perturbed).toBe(true);
    const response = await world.analyst.client.get(
      '/api/stats/crosstab?rows=ground&from=2025-01&to=2025-12',
    );
    const dashboard = response.json<CrossTabResult>();
    expect(year.byGround.rowTotals).toEqual(dashboard.rowTotals);
    expect(year.byGround.grandTotal).toEqual(dashboard.grandTotal);
    const split = (
      await world.analyst.client.get('/api/stats/intersectional?from=2025-01&to=2025-12')
    ).json<IntersectionalResult>();
    expect(year.reports.total).toEqual(split.total);
    expect(year.reports.multipleGrounds).toEqual(split.multipleGrounds);
    // The released (public) edition of the same year is exact: only the threshold differs.
    const exact = await loadYearlyFigures(world.db, {
      years: [2025],
      threshold: 5,
      perturbed: false,
      timeZone: world.context.config.cases.timeZone,
      locale: 'it',
    });
    expect(exact.years[0]!.byGround.perturbed).toBe(false);
    const inYear = cases.filter(
      (c) => c.statisticsAllowed && romeMonth(c.receivedAt).startsWith('2025-'),
    );
    expect(exact.years[0]!.reports.total.value).toBe(inYear.length);
    expect(year.reports.total.value).toBe(staffFigure(inYear));
  });

  it('queues a report, draws it as a job with its progress, and lets only the requester download it', async () => {
    const asked = await world.analyst.client.post('/api/stats/reports', {
      year: 2025,
      municipalityCode: PISA,
    });
    expect(asked.statusCode, asked.body).toBe(202);
    const report = asked.json<ReportView>();
    expect(report).toMatchObject({
      year: 2025,
      municipality: { code: PISA, name: 'Pisa' },
      status: 'queued',
      progress: 0,
    });

    // Nothing runs jobs in the tests: draw it as the worker would, watching the progress.
    const seen: number[] = [];
    const watching = (async () => {
      for (let poll = 0; poll < 200; poll += 1) {
        const state = (
          await world.analyst.client.get(`/api/stats/reports/${report.id}`)
        ).json<ReportView>();
        seen.push(state.progress);
        if (state.status === 'done') return;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();
    await buildStatsReportJob.handler(
      {
        database: world.context.database.handle,
        config: world.context.config,
        logger: world.context.app.log,
      },
      { id: 'job', data: { id: report.id }, retryCount: 0 },
    );
    await watching;
    expect(seen.at(-1)).toBe(100);
    expect(seen.every((value, index) => index === 0 || value >= seen[index - 1]!)).toBe(true);

    const list = await world.analyst.client.get('/api/stats/reports');
    const listed = list.json<{ reports: ReportView[]; years: number[] }>();
    expect(listed.reports.map((item) => item.id)).toEqual([report.id]);
    expect(listed.years[0]).toBe(new Date().getUTCFullYear());

    const file = await world.analyst.client.get(`/api/stats/reports/${report.id}/download`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    const pdf = await PDFDocument.load(file.rawPayload);
    expect(pdf.getTitle()).toBe('Dati sulle discriminazioni 2025, Pisa: rapporto interno');

    // Another person with the same permission, and a role without it, learn nothing.
    for (const client of [world.coordinator.client, world.operator.client]) {
      expect((await client.get(`/api/stats/reports/${report.id}`)).statusCode).toBe(404);
      expect((await client.get(`/api/stats/reports/${report.id}/download`)).statusCode).toBe(404);
    }
    expect((await world.analyst.client.get('/api/stats/reports/not-a-uuid')).statusCode).toBe(404);

    const audit = await world.db
      .selectFrom('audit_log')
      .select(['action', 'target_id'])
      .where('actor_user_id', '=', world.analyst.user.id)
      .where('action', '=', 'stats.exported')
      .execute();
    expect(audit).toHaveLength(2);

    // Run again (a job is delivered at least once): nothing changes.
    expect(await buildStaffReport(world.db, world.context.config, report.id)).toBe('skipped');
  });

  it('is drawn by the pg-boss worker once asked for', async () => {
    const { context } = world;
    const jobs = await startJobs(
      { database: context.database.handle, config: context.config, logger: context.app.log },
      { definitions: [buildStatsReportJob], pollingIntervalSeconds: 0.5 },
    );
    context.app.deps.jobs = jobs;
    try {
      const asked = await world.analyst.client.post('/api/stats/reports', { year: 2026 });
      expect(asked.statusCode, asked.body).toBe(202);
      const { id } = asked.json<ReportView>();
      let state: ReportView | undefined;
      for (let poll = 0; poll < 150 && state?.status !== 'done'; poll += 1) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        state = (await world.analyst.client.get(`/api/stats/reports/${id}`)).json<ReportView>();
      }
      expect(state).toMatchObject({ status: 'done', progress: 100, municipality: null });
    } finally {
      delete context.app.deps.jobs;
      await jobs.stop();
    }
  });

  it('draws a report once however often it is delivered, and picks up what nobody queued', async () => {
    const deps = {
      database: world.context.database.handle,
      config: world.context.config,
      logger: world.context.app.log,
    };
    const first = (
      await world.otherCoordinator.client.post('/api/stats/reports', { year: 2025 })
    ).json<ReportView>();
    // Two deliveries at once: one draws, the other finds it claimed.
    const results = await Promise.all([
      buildStaffReport(world.db, world.context.config, first.id),
      buildStaffReport(world.db, world.context.config, first.id),
    ]);
    expect(results.sort()).toEqual(['done', 'skipped']);
    const files = await world.db
      .selectFrom('stored_files')
      .select('id')
      .where('purpose', '=', 'stats_report')
      .where('created_by', '=', world.otherCoordinator.user.id)
      .execute();
    expect(files).toHaveLength(1);

    // Asked where no worker runs: the schedule's run (no data) draws it.
    const second = (
      await world.otherCoordinator.client.post('/api/stats/reports', { year: 2024 })
    ).json<ReportView>();
    const swept = await buildStatsReportJob.handler(deps, {
      id: 'tick',
      data: null,
      retryCount: 0,
    });
    expect(swept).toMatchObject({ done: 1 });
    const state = await world.otherCoordinator.client.get(`/api/stats/reports/${second.id}`);
    expect(state.json<ReportView>().status).toBe('done');
    expect(buildStatsReportJob.schedule?.cron).toBe('* * * * *');
  });

  it('lets one person have only a few reports waiting at once', async () => {
    const client = world.leadCoordinator.client;
    for (let count = 0; count < 3; count += 1) {
      expect((await client.post('/api/stats/reports', { year: 2025 })).statusCode).toBe(202);
    }
    const refused = await client.post('/api/stats/reports', { year: 2025 });
    expect(refused.statusCode).toBe(400);
    expect(refused.json<{ error: { fields: { field: string }[] } }>().error.fields[0]!.field).toBe(
      'year',
    );
  });

  it('names the field of a request it refuses, and keeps nothing', async () => {
    const cases = [
      [{ year: 1995 }, 'year'],
      [{ year: 2025, municipalityCode: '999999' }, 'municipalityCode'],
      [{ year: 2025, municipalityCode: 'Pisa' }, 'municipalityCode'],
      [{ year: 'two thousand' }, 'year'],
    ] as const;
    for (const [body, field] of cases) {
      const refused = await world.coordinator.client.post('/api/stats/reports', body);
      expect(refused.statusCode, JSON.stringify(body)).toBe(400);
      expect(
        refused.json<{ error: { fields: { field: string }[] } }>().error.fields[0]!.field,
      ).toBe(field);
    }
    const mine = await world.coordinator.client.get('/api/stats/reports');
    expect(mine.json<{ reports: unknown[] }>().reports).toEqual([]);
  });

  it('erases expired reports and their files on schedule', async () => {
    const asked = await world.coordinator.client.post('/api/stats/reports', { year: 2025 });
    const { id } = asked.json<ReportView>();
    await buildStaffReport(world.db, world.context.config, id);
    const row = await world.db
      .selectFrom('stats_reports')
      .select('file_id')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const later = new Date(Date.now() + (STATS_REPORT_DAYS + 1) * 86_400_000);
    expect(await purgeExpiredStaffReports(world.db, later)).toBeGreaterThanOrEqual(1);
    const file = await world.db
      .selectFrom('stored_files')
      .select(['content', 'erased_at'])
      .where('id', '=', row.file_id!)
      .executeTakeFirst();
    expect(file?.content ?? null).toBeNull();
    expect(jobDefinitions).toContain(buildStatsReportJob);
    expect(jobDefinitions).toContain(purgeStatsReportsJob);
  });
});
