import { PgBoss, type ConstructorOptions } from 'pg-boss';
import type { JobDefinition, JobDependencies } from './job-definition.ts';
import { pgliteJobDatabase } from './pglite-adapter.ts';
import { jobDefinitions } from './registry.ts';

/** pg-boss keeps its tables in a schema of its own, apart from the application's (`public`). */
export const JOBS_SCHEMA = 'pgboss';

export interface JobsOptions {
  /** Defaults to the platform's registry; tests pass their own. */
  definitions?: readonly JobDefinition[];
  /** How often an idle worker looks for work (pg-boss's minimum is 0.5). */
  pollingIntervalSeconds?: number;
  /** How long `stop()` waits for running handlers. */
  stopTimeoutMs?: number;
}

export interface Jobs {
  /** Queues a job; answers its id (null when a singleton policy dropped it). */
  send(name: string, data?: object): Promise<string | null>;
  /** The pg-boss instance, for tests and operations. */
  boss: PgBoss;
  /** Stops fetching, lets running handlers finish (up to the timeout), then stops. */
  stop(): Promise<void>;
}

function connection(deps: JobDependencies): ConstructorOptions {
  const { database } = deps;
  if (database.pglite) {
    return { backend: 'pglite', db: pgliteJobDatabase(database.pglite) };
  }
  if (deps.config.database.kind !== 'postgresql') {
    throw new Error('the embedded database is open without its PGlite instance');
  }
  // A small pool of its own: jobs never take connections from the requests' pool.
  return {
    connectionString: deps.config.database.url,
    max: 3,
    application_name: 'osservatorio-jobs',
  };
}

/**
 * Starts pg-boss on the application's database: installs or migrates its schema, then creates a
 * queue and a worker for every job definition and keeps the cron schedules in step with them.
 */
export async function startJobs(deps: JobDependencies, options: JobsOptions = {}): Promise<Jobs> {
  const definitions = options.definitions ?? jobDefinitions;
  const { logger } = deps;
  const boss = new PgBoss({
    ...connection(deps),
    schema: JOBS_SCHEMA,
    migrate: true,
    // Spans and metrics stay off until the project chooses a telemetry setup.
    openTelemetry: { enabled: false },
  });
  // An 'error' event with no listener would end the process: pg-boss reports here the failures
  // of its own background loops (maintenance, polling), which it retries by itself.
  boss.on('error', (error) => logger.error({ err: error }, 'jobs: pg-boss error'));
  boss.on('warning', (warning) => logger.warn({ data: warning.data }, warning.message));
  await boss.start();

  try {
    for (const definition of definitions) {
      const retryDelay = definition.retry?.delaySeconds ?? 30;
      const settings = {
        retryLimit: definition.retry?.limit ?? 2,
        retryDelay,
        retryBackoff: retryDelay > 0,
        expireInSeconds: definition.expireInSeconds ?? 900,
      };
      // createQueue leaves an existing queue as it was: the update carries changed settings over.
      await boss.createQueue(definition.name, settings);
      await boss.updateQueue(definition.name, settings);
      await boss.work(
        definition.name,
        { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 },
        // One job per batch (pg-boss's default batchSize), so its output is this job's result.
        async ([job]) => (job ? runJob(deps, definition, job) : undefined),
      );
    }
    await keepSchedules(boss, definitions);
  } catch (error) {
    await boss.stop({ graceful: false }).catch(() => undefined);
    throw error;
  }

  return {
    boss,
    send: (name, data) => boss.send(name, data ?? null),
    stop: () => boss.stop({ graceful: true, timeout: options.stopTimeoutMs ?? 10_000 }),
  };
}

async function runJob(
  deps: JobDependencies,
  definition: JobDefinition,
  job: { id: string; data: unknown; retryCount: number },
): Promise<Record<string, unknown> | undefined> {
  const context = { job: definition.name, jobId: job.id, retryCount: job.retryCount };
  const started = performance.now();
  try {
    const result = await definition.handler(deps, {
      id: job.id,
      data: job.data,
      retryCount: job.retryCount,
    });
    deps.logger.info(
      { ...context, ms: Math.round(performance.now() - started), result },
      'job completed',
    );
    return result ?? undefined;
  } catch (error) {
    // pg-boss records the failure on the job and retries it; the process carries on.
    deps.logger.error({ ...context, err: error }, 'job failed');
    throw error;
  }
}

/** Schedules live in the database: a job removed from the registry must lose its schedule. */
async function keepSchedules(boss: PgBoss, definitions: readonly JobDefinition[]): Promise<void> {
  const scheduled = new Set<string>();
  for (const definition of definitions) {
    if (!definition.schedule) continue;
    scheduled.add(definition.name);
    await boss.schedule(definition.name, definition.schedule.cron, null, {
      tz: definition.schedule.timezone ?? 'UTC',
    });
  }
  for (const schedule of await boss.getSchedules()) {
    if (!scheduled.has(schedule.name)) await boss.unschedule(schedule.name, schedule.key);
  }
}
