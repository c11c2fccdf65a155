import { ConfigError, loadConfig } from './config.ts';
import { openDatabase } from './db/database.ts';
import { migrate } from './db/migrate.ts';
import { buildApp } from './http/app.ts';
import { startJobs } from './jobs/jobs.ts';
import { loadReferenceData } from './modules/reference/load-reference-data.ts';
import { seedDemoCases } from './seed/demo-cases.ts';
import { seedDemoData } from './seed/demo.ts';
import { version } from './version.ts';

/**
 * Starts the platform: configuration, database (migrated, reference data loaded, demo data on
 * an empty development database), background jobs (unless JOBS=off), then the HTTP server, with
 * a graceful shutdown on SIGTERM.
 */
async function main(): Promise<void> {
  const startedAt = performance.now();
  const config = loadConfig();
  for (const warning of config.warnings) console.warn(`⚠ ${warning}`);

  const database = await openDatabase(config.database);
  await migrate(database);
  await loadReferenceData(database.db);

  let demoCredentials: Awaited<ReturnType<typeof seedDemoData>> = [];
  if (config.demoData) {
    const users = await database.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow();
    if (Number(users.count) === 0) {
      demoCredentials = await seedDemoData(database.db);
      await seedDemoCases(database.db, config);
    }
  }

  // Routes queue jobs (a report to draw) through this, bound once the worker has started.
  const worker: { jobs?: Awaited<ReturnType<typeof startJobs>> } = {};
  const app = await buildApp({
    config,
    database,
    version,
    jobs: { send: async (name, data) => (worker.jobs ? worker.jobs.send(name, data) : null) },
  });
  const jobs = config.jobs.enabled
    ? await startJobs({ database, config, logger: app.log })
    : undefined;
  worker.jobs = jobs;
  await app.listen({ port: config.port, host: config.host });

  const address = `http://${config.host}:${config.port}`;
  app.log.info(
    {
      database: database.kind,
      jobs: config.jobs.enabled,
      startupMs: Math.round(performance.now() - startedAt),
    },
    'Osservatorio started',
  );
  console.log(`\nOsservatorio ${version} is running on ${address} (database: ${database.kind})`);
  console.log(
    `  public site: ${address}/   back office: ${address}/app/   API docs: ${address}/api/docs`,
  );
  if (demoCredentials.length > 0) {
    console.log('\nDemo accounts (development only; refused when NODE_ENV=production):');
    for (const credential of demoCredentials) {
      console.log(
        `  ${credential.role.padEnd(17)} ${credential.email.padEnd(40)} ${credential.password}`,
      );
    }
  }

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: finishing requests');
    try {
      await app.close();
      // Running jobs finish (or are released for a retry) before the database closes.
      await jobs?.stop();
      await database.close();
      process.exit(0);
    } catch (error) {
      app.log.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error('Osservatorio could not start:', error instanceof Error ? error.message : error);
  }
  process.exit(1);
});
