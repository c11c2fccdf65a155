import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { UsageError } from './cli-errors.ts';

/** Options every command accepts. */
export const commonOptions = {
  verbose: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsOptionsConfig;

/**
 * Parses a command's arguments strictly: an unknown option, a missing value or a surplus
 * positional argument is a usage error, never silently ignored.
 */
export function parseCommandArguments<T extends ParseArgsOptionsConfig>(
  args: string[],
  options: T,
  usage: string,
  /** Names of the required positional arguments, e.g. `['file']`. */
  positionals: string[] = [],
) {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: { ...commonOptions, ...options },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error), usage);
  }
  const missing = positionals[parsed.positionals.length];
  if (missing !== undefined) throw new UsageError(`Missing <${missing}>.`, usage);
  const surplus = parsed.positionals[positionals.length];
  if (surplus !== undefined) throw new UsageError(`Unexpected argument "${surplus}".`, usage);
  return parsed;
}
