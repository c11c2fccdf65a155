import { ConfigError } from '../config.ts';
import { AppError } from '../core/errors.ts';
import { MigrationError } from '../db/migrate.ts';
import { BackupError } from '../modules/backup/backup-error.ts';
import { CommandError, UsageError } from './cli-errors.ts';

const connectionErrors = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  '3D000', // database does not exist
  '28000', // no such role / not allowed
  '28P01', // wrong password
]);

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function messageOf(error: unknown): string {
  if (error instanceof AppError && error.fields) {
    return error.fields.map((field) => `${field.field}: ${field.message}`).join('; ');
  }
  if (error instanceof AggregateError && error.errors.length > 0) return messageOf(error.errors[0]);
  if (error instanceof Error) return error.message;
  return String(error);
}

/** One line on stderr for the operator (the stack only with --verbose); answers the exit code. */
export function reportError(error: unknown, verbose: boolean, fullUsage: string): number {
  let exitCode = 1;
  if (error instanceof UsageError) {
    console.error(`error: ${error.message}`);
    console.error(error.usage ? `usage: ${error.usage}` : fullUsage);
    exitCode = 2;
  } else if (error instanceof ConfigError) {
    console.error(error.message);
  } else if (
    error instanceof CommandError ||
    error instanceof BackupError ||
    error instanceof MigrationError
  ) {
    console.error(`error: ${error.message}`);
  } else if (codeOf(error) === '42P01') {
    console.error(
      `error: the database is not set up (${messageOf(error)}); run \`osservatorio migrate\` first.`,
    );
  } else if (connectionErrors.has(codeOf(error) ?? '')) {
    console.error(`error: cannot connect to the database: ${messageOf(error)}.`);
  } else {
    console.error(`error: ${messageOf(error)}`);
  }
  if (verbose) {
    let current: unknown = error;
    while (current instanceof Error) {
      console.error(current.stack ?? current.message);
      current = current.cause;
    }
  }
  return exitCode;
}
