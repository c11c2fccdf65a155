#!/usr/bin/env node
import { UsageError } from './cli-errors.ts';
import { reportError } from './report-error.ts';

interface CommandModule {
  run(args: string[], usage: string): Promise<number>;
}

interface CommandEntry {
  /** As typed, one or two words: `migrate`, `user create`. */
  name: string;
  usage: string;
  summary: string;
  /** Loaded on use, so `help` or one command never loads what the others need. */
  load(): Promise<CommandModule>;
}

const commands: CommandEntry[] = [
  {
    name: 'migrate',
    usage: 'migrate',
    summary: 'apply the SQL migrations and load the reference data',
    load: () => import('./commands/migrate.ts'),
  },
  {
    name: 'seed',
    usage: 'seed --demo',
    summary: 'load the demo network and print its accounts (not in production)',
    load: () => import('./commands/seed.ts'),
  },
  {
    name: 'user create',
    usage:
      'user create --admin --email E --name N [--password P] [--organisation NAME|ID] [--language it|en]',
    summary:
      'create a network administrator (in the lead-partner organisation unless --organisation; a random password is printed when none is given)',
    load: () => import('./commands/user-create.ts'),
  },
  {
    name: 'backup',
    usage: 'backup <file>',
    summary: 'write a compressed, checksummed logical backup of every table (not sessions)',
    load: () => import('./commands/backup.ts'),
  },
  {
    name: 'restore',
    usage: 'restore <file> [--force]',
    summary:
      'restore a backup into a new database (--force replaces everything in a database in use)',
    load: () => import('./commands/restore.ts'),
  },
  {
    name: 'audit verify',
    usage: 'audit verify',
    summary: 'check the audit hash chain and report the first broken entry',
    load: () => import('./commands/audit-verify.ts'),
  },
];

const usage = [
  'Usage: osservatorio <command> [options]',
  '',
  'Commands:',
  ...commands.map((command) => `  ${command.usage}\n      ${command.summary}`),
  '  help',
  '      show this help',
  '',
  'Every command accepts --verbose (stack traces on errors) and --help.',
  'Configuration comes from the environment: DATABASE_URL selects PostgreSQL, otherwise the',
  'embedded database in DATA_DIR (default ./data). Exit codes: 0 success, 2 usage error, 1 failure.',
].join('\n');

function findCommand(argv: string[]) {
  const twoWords = `${argv[0]} ${argv[1] ?? ''}`;
  const entry =
    commands.find((command) => command.name === twoWords) ??
    commands.find((command) => command.name === argv[0]);
  if (!entry) return undefined;
  return { entry, args: argv.slice(entry.name.split(' ').length) };
}

async function main(argv: string[]): Promise<number> {
  const verbose = argv.includes('--verbose');
  try {
    const [first] = argv;
    if (first === 'help' || first === '--help' || first === '-h') {
      console.log(usage);
      return 0;
    }
    if (first === undefined) throw new UsageError('No command given.');
    const found = findCommand(argv);
    if (!found) {
      const group = commands.filter((command) => command.name.startsWith(`${first} `));
      if (group.length > 0 && argv[1] === undefined) {
        throw new UsageError(
          `"${first}" needs a subcommand: ${group.map((c) => c.name).join(', ')}.`,
        );
      }
      throw new UsageError(
        `Unknown command "${group.length > 0 ? `${first} ${argv[1]}` : first}".`,
      );
    }
    const { entry, args } = found;
    if (args.includes('--help') || args.includes('-h')) {
      console.log(`Usage: osservatorio ${entry.usage}\n\n${entry.summary}`);
      return 0;
    }
    const command = await entry.load();
    return await command.run(args, `osservatorio ${entry.usage}`);
  } catch (error) {
    return reportError(error, verbose, usage);
  }
}

process.exitCode = await main(process.argv.slice(2));
