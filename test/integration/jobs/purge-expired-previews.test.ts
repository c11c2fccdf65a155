import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { JobDependencies } from '../../../src/jobs/job-definition.ts';
import { startJobs } from '../../../src/jobs/jobs.ts';
import { jobDefinitions } from '../../../src/jobs/registry.ts';
import { purgeExpiredPreviewsJob } from '../../../src/modules/network-import/purge-expired-previews.ts';
import { withPreviews } from '../../../src/modules/network-import/previews-table.ts';
import { createTestApp, createUser, type TestContext } from '../../helpers/test-app.ts';
import { testDatabaseKind } from '../../helpers/test-db.ts';

const emptyPlan = JSON.stringify({ create: [], update: [], unchanged: 0, rejected: [] });

describe(`purging expired import previews on ${testDatabaseKind}`, () => {
  let context: TestContext;
  let deps: JobDependencies;
  let userId: string;

  beforeAll(async () => {
    context = await createTestApp();
    deps = { database: context.database.handle, config: context.config, logger: context.app.log };
    userId = (await createUser(context)).id;
  });
  afterAll(async () => {
    await context.close();
  });

  const previews = () => withPreviews(context.database.handle.db);

  /** Previews made `ages` minutes ago; answers their ids in the same order. */
  async function makePreviews(ages: number[]): Promise<string[]> {
    const ids: string[] = [];
    for (const minutes of ages) {
      const row = await previews()
        .insertInto('network_import_previews')
        .values({
          created_by: userId,
          created_at: sql<Date>`now() - make_interval(mins => ${minutes})`,
          file_name: `survey-${minutes}.csv`,
          plan: emptyPlan,
          file_sha256: 'a'.repeat(64),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids.push(row.id);
    }
    return ids;
  }

  async function remaining(): Promise<string[]> {
    const rows = await previews().selectFrom('network_import_previews').select('id').execute();
    return rows.map((row) => row.id).sort();
  }

  beforeEach(async () => {
    await previews().deleteFrom('network_import_previews').execute();
  });

  it('deletes the previews past their 30 minutes, keeps fresh ones, and can run twice', async () => {
    const [fresh, almost, expired, old] = await makePreviews([0, 29, 31, 24 * 60]);
    const run = { id: 'direct', data: null, retryCount: 0 };
    expect(await purgeExpiredPreviewsJob.handler(deps, run)).toEqual({ deleted: 2 });
    expect(await remaining()).toEqual([fresh!, almost!].sort());
    expect(await remaining()).not.toContain(expired);
    expect(await remaining()).not.toContain(old);
    expect(await purgeExpiredPreviewsJob.handler(deps, run)).toEqual({ deleted: 0 });
  });

  it('runs through pg-boss, on a schedule kept by the registry', async () => {
    expect(jobDefinitions).toContain(purgeExpiredPreviewsJob);
    const [fresh] = await makePreviews([5, 45]);
    const jobs = await startJobs(deps, { pollingIntervalSeconds: 0.5 });
    try {
      const schedules = await jobs.boss.getSchedules();
      expect(schedules).toContainEqual(
        expect.objectContaining({ name: purgeExpiredPreviewsJob.name, cron: '*/15 * * * *' }),
      );

      const id = await jobs.send(purgeExpiredPreviewsJob.name);
      const deadline = Date.now() + 10_000;
      let job = await jobs.boss.getJobById(purgeExpiredPreviewsJob.name, id!);
      while (job?.state !== 'completed' && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        job = await jobs.boss.getJobById(purgeExpiredPreviewsJob.name, id!);
      }
      expect(job?.state).toBe('completed');
      expect(job?.output).toEqual({ deleted: 1 });
      expect(await remaining()).toEqual([fresh!]);
    } finally {
      await jobs.stop();
    }
  });
});
