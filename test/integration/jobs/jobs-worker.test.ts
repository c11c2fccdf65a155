import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { JobDefinition, JobDependencies } from '../../../src/jobs/job-definition.ts';
import { JOBS_SCHEMA, startJobs, type Jobs } from '../../../src/jobs/jobs.ts';
import { readCatalog } from '../../../src/modules/backup/table-catalog.ts';
import { createTestApp, createUser, type TestContext } from '../../helpers/test-app.ts';
import { testDatabaseKind } from '../../helpers/test-db.ts';

/** Polls until `check` answers something other than undefined. */
async function waitFor<T>(check: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe(`background jobs on ${testDatabaseKind}`, () => {
  let context: TestContext;
  let deps: JobDependencies;
  let jobs: Jobs | undefined;
  const seen: unknown[] = [];
  let slowFinished = false;

  const definitions: JobDefinition[] = [
    {
      name: 'test.echo',
      handler: async (_deps, job) => {
        seen.push(job.data);
        return { echoed: true };
      },
    },
    {
      name: 'test.always-fails',
      retry: { limit: 1, delaySeconds: 0 },
      handler: async () => {
        throw new Error('the mail server said no');
      },
    },
    {
      name: 'test.slow',
      handler: async () => {
        await sleep(800);
        slowFinished = true;
      },
    },
  ];

  beforeAll(async () => {
    context = await createTestApp();
    deps = { database: context.database.handle, config: context.config, logger: context.app.log };
  });
  afterEach(async () => {
    await jobs?.stop();
    jobs = undefined;
  });
  afterAll(async () => {
    await context.close();
  });

  const start = async () => {
    jobs = await startJobs(deps, { definitions, pollingIntervalSeconds: 0.5 });
    return jobs;
  };

  it('installs its own schema beside ours, stops cleanly and starts again', async () => {
    const before = (await readCatalog(context.database.handle.db)).map((table) => table.name);
    const first = await start();
    await first.stop();
    jobs = undefined;
    // A second start on the installed schema (a restart, or another instance) migrates nothing.
    const second = await start();
    expect(await second.boss.schemaVersion()).toBeGreaterThan(0);

    const schemas = await sql<{ name: string }>`
      SELECT nspname AS name FROM pg_namespace WHERE nspname = ${JOBS_SCHEMA}`.execute(
      context.database.handle.db,
    );
    expect(schemas.rows).toHaveLength(1);
    // Backups read the application's schema only: pg-boss's tables are never backed up.
    const after = (await readCatalog(context.database.handle.db)).map((table) => table.name);
    expect(after).toEqual(before);
    expect(after).not.toContain('job');
    expect(after).not.toContain('queue');
  });

  it('processes a job that is sent and stores its result', async () => {
    const running = await start();
    const id = await running.send('test.echo', { hello: 'mondo' });
    expect(id).toEqual(expect.any(String));
    const job = await waitFor(async () => {
      const found = await running.boss.getJobById('test.echo', id!);
      return found?.state === 'completed' ? found : undefined;
    });
    expect(seen).toContainEqual({ hello: 'mondo' });
    expect(job.output).toEqual({ echoed: true });
  });

  it('retries a failing job, records the failure and keeps working', async () => {
    const running = await start();
    const id = await running.send('test.always-fails', {});
    const job = await waitFor(async () => {
      const found = await running.boss.getJobById('test.always-fails', id!);
      return found?.state === 'failed' ? found : undefined;
    }, 20_000);
    expect(job.retryCount).toBe(1);
    expect(JSON.stringify(job.output)).toContain('the mail server said no');

    // The failure did not stop the worker or the application.
    const next = await running.send('test.echo', { after: 'failure' });
    await waitFor(async () =>
      (await running.boss.getJobById('test.echo', next!))?.state === 'completed' ? true : undefined,
    );
    const health = await context.app.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(200);
  });

  it('lets a running job finish before stop() returns', async () => {
    const running = await start();
    const id = await running.send('test.slow', {});
    await waitFor(async () =>
      (await running.boss.getJobById('test.slow', id!))?.state === 'active' ? true : undefined,
    );
    await running.stop();
    jobs = undefined;
    expect(slowFinished).toBe(true);
    const job = await sql<{ state: string }>`
      SELECT state FROM pgboss.job WHERE name = 'test.slow' AND id = ${id}`.execute(
      context.database.handle.db,
    );
    expect(job.rows).toEqual([{ state: 'completed' }]);
  });

  it('never runs its statements inside a transaction the application holds open', async () => {
    const running = await start();
    const user = await createUser(context);
    let sent: Promise<string | null> | undefined;
    await expect(
      context.database.handle.db.transaction().execute(async (trx) => {
        // On PGlite there is one connection: the send must wait for this transaction instead of
        // joining it (and being rolled back with it, or committing it early).
        sent = running.send('test.echo', { during: 'transaction' });
        await trx
          .updateTable('users')
          .set({ display_name: 'Changed' })
          .where('id', '=', user.id)
          .execute();
        await sleep(300);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    const id = await sent!;
    const row = await context.database.handle.db
      .selectFrom('users')
      .select('display_name')
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(row.display_name).not.toBe('Changed');
    await waitFor(async () =>
      (await running.boss.getJobById('test.echo', id!))?.state === 'completed' ? true : undefined,
    );
    expect(seen).toContainEqual({ during: 'transaction' });
  });
});
