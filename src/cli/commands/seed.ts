import type { Kysely } from 'kysely';
import { migrate } from '../../db/migrate.ts';
import type { DB } from '../../db/schema.ts';
import { appendAudit } from '../../modules/audit/append-audit.ts';
import { loadReferenceData } from '../../modules/reference/load-reference-data.ts';
import { seedDemoCases } from '../../seed/demo-cases.ts';
import { seedDemoData } from '../../seed/demo.ts';
import { parseCommandArguments } from '../arguments.ts';
import { CommandError, UsageError } from '../cli-errors.ts';
import { cliActor, withDatabase } from '../database.ts';
import { printTable } from '../table.ts';

async function countUsers(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Loads the demo network and prints its accounts. Demo passwords are public: never in production. */
export async function run(args: string[], usage: string): Promise<number> {
  const { values } = parseCommandArguments(args, { demo: { type: 'boolean' } }, usage);
  if (!values.demo) {
    throw new UsageError('seed needs --demo (the demo network is the only data set).', usage);
  }
  return withDatabase(async (handle, config) => {
    if (config.environment === 'production') {
      throw new CommandError('Demo data are never loaded when NODE_ENV=production.');
    }
    await migrate(handle);
    await loadReferenceData(handle.db);
    const before = await countUsers(handle.db);
    const credentials = await seedDemoData(handle.db);
    await seedDemoCases(handle.db, config);
    const created = (await countUsers(handle.db)) - before;
    if (created > 0) {
      await appendAudit(handle.db, {
        actorUserId: cliActor.userId,
        actorLabel: cliActor.label,
        action: 'seed.demo',
        details: { accountsCreated: created },
      });
      console.log(`Loaded the demo network with ${created} accounts.`);
    } else {
      console.log('The demo network was already loaded; nothing was changed.');
    }
    console.log('\nDemo accounts (development only; refused when NODE_ENV=production):\n');
    printTable(
      ['role', 'e-mail', 'password', 'organisation'],
      credentials.map((c) => [c.role, c.email, c.password, c.organisation]),
    );
    return 0;
  });
}
