import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import type { CaseSettings } from './modules/cases/case-settings.ts';

// Empty-string is treated as unset: a shell-supplied `FOO=` means the same as leaving it out.
const optionalString = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value.trim()));

const base64Key = z
  .string()
  .refine((value) => Buffer.from(value, 'base64').length === 32, 'must be 32 bytes in base64');

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

const workingDays = (fallback: number) => z.coerce.number().int().min(0).max(60).default(fallback);
// Ten years at most: a longer period is no retention at all.
const retentionMonths = (fallback: number) =>
  z.coerce.number().int().min(1).max(120).default(fallback);

const environmentSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('localhost'),
  DATABASE_URL: optionalString.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
      .optional(),
  ),
  DATA_DIR: z.string().min(1).default('./data'),
  UPLOADS_DIR: optionalString,
  PUBLIC_URL: optionalString.pipe(z.url().optional()),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MASTER_KEYS: optionalString,
  MASTER_KEY_CURRENT: optionalString,
  HASH_KEY: optionalString.pipe(base64Key.optional()),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(1440).default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(72).default(12),
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  DEMO_DATA: z.enum(['true', 'false']).optional(),
  JOBS: z.enum(['on', 'off']).default('on'),
  TIME_ZONE: z
    .string()
    .default('Europe/Rome')
    .refine(isTimeZone, 'must be an IANA time zone such as Europe/Rome'),
  CASE_ACKNOWLEDGE_WORKING_DAYS: workingDays(2),
  CASE_TAKE_IN_CHARGE_WORKING_DAYS: workingDays(5),
  CASE_RETENTION_MONTHS_CLOSED: retentionMonths(60),
  CASE_RETENTION_MONTHS_NOT_PERTINENT: retentionMonths(12),
  CASE_RETENTION_MONTHS_REDIRECTED: retentionMonths(12),
  CASE_RETENTION_MONTHS_WITHDRAWN: retentionMonths(6),
  CASE_RETENTION_MONTHS_INACTIVE: retentionMonths(36),
  // Outgoing e-mail (deadline reminders): smtp://user:pass@host:port or smtps://…; unset = not sent.
  SMTP_URL: optionalString.pipe(
    z
      .string()
      .regex(/^smtps?:\/\/[^\s]+$/, 'must look like smtp://host:port or smtps://host:port')
      .optional(),
  ),
  MAIL_FROM: z.string().trim().min(3).default('Osservatorio <noreply@localhost>'),
  // Disclosure control: counts of 1 to k − 1 are hidden in what leaves the case team.
  STATS_THRESHOLD_INTERNAL: z.coerce.number().int().min(2).max(100).default(5),
  STATS_THRESHOLD_PUBLIC: z.coerce.number().int().min(2).max(100).default(10),
  STATS_PUBLIC_RELEASE_DELAY_DAYS: z.coerce.number().int().min(0).max(366).default(31),
});

export type DatabaseConfig =
  { kind: 'pglite'; dataDir: string } | { kind: 'postgresql'; url: string };

export interface Config {
  environment: 'development' | 'production' | 'test';
  port: number;
  host: string;
  publicUrl: string | undefined;
  logLevel: string;
  database: DatabaseConfig;
  dataDir: string;
  uploadsDir: string;
  /** Versioned master keys that wrap the per-record data keys (envelope encryption). */
  masterKeys: { current: string; keys: Map<string, Buffer> };
  /** Key for the keyed hashes of secrets (session ids, receipt codes, address throttles). */
  hashKey: Buffer;
  session: { idleMinutes: number; absoluteHours: number };
  trustProxy: boolean;
  /** Demo data and demo credentials are never available in production. */
  demoData: boolean;
  /** Background jobs (pg-boss worker and schedules); `JOBS=off` runs an instance without them. */
  jobs: { enabled: boolean };
  /** Response-time targets (working days) and retention per final state of cases. */
  cases: CaseSettings;
  /** Outgoing e-mail; without an SMTP URL nothing is sent (and it is logged as such). */
  mail: { smtpUrl: string | undefined; from: string };
  /** Disclosure-control thresholds: for analysts' views and for the public (and open data). */
  stats: { internalThreshold: number; publicThreshold: number; publicReleaseDelayDays: number };
  /** Messages for the operator about generated keys (to print at start). */
  warnings: string[];
}

export class ConfigError extends Error {
  readonly variable: string;
  constructor(variable: string, message: string) {
    super(`Configuration error: ${variable} ${message}`);
    this.variable = variable;
  }
}

/** MASTER_KEYS is "v1:base64,v2:base64"; the current version is the newest unless named. */
function parseMasterKeys(raw: string, current: string | undefined) {
  const keys = new Map<string, Buffer>();
  for (const entry of raw.split(',')) {
    const [version, key] = entry.split(':');
    if (!version || !key || !/^v\d+$/.test(version)) {
      throw new ConfigError('MASTER_KEYS', 'must be a list like "v1:<base64 key>,v2:<base64 key>"');
    }
    const bytes = Buffer.from(key, 'base64');
    if (bytes.length !== 32) {
      throw new ConfigError('MASTER_KEYS', `key ${version} must be 32 bytes in base64`);
    }
    keys.set(version, bytes);
  }
  const chosen =
    current ?? [...keys.keys()].sort((a, b) => Number(b.slice(1)) - Number(a.slice(1)))[0];
  if (!chosen || !keys.has(chosen)) {
    throw new ConfigError(
      'MASTER_KEY_CURRENT',
      `names a key version that MASTER_KEYS does not hold`,
    );
  }
  return { current: chosen, keys };
}

interface KeyFile {
  masterKeys: string;
  hashKey: string;
}

/**
 * The embedded database keeps its keys beside it on first start, so a newcomer needs no setup;
 * a server deployment passes them in the environment instead.
 */
function loadOrCreateKeyFile(dataDir: string, warnings: string[]): KeyFile {
  const path = join(dataDir, 'keys.json');
  if (existsSync(path)) {
    const parsed = z
      .object({ masterKeys: z.string(), hashKey: base64Key })
      .safeParse(JSON.parse(readFileSync(path, 'utf8')));
    if (!parsed.success) {
      throw new ConfigError('DATA_DIR', `holds an unreadable keys.json (${path})`);
    }
    return parsed.data;
  }
  mkdirSync(dataDir, { recursive: true });
  const file: KeyFile = {
    masterKeys: `v1:${randomBytes(32).toString('base64')}`,
    hashKey: randomBytes(32).toString('base64'),
  };
  writeFileSync(path, JSON.stringify(file, null, 2) + '\n', { mode: 0o600 });
  warnings.push(
    `Generated encryption keys in ${path}. Back this file up with the database: without it the encrypted personal data cannot be read.`,
  );
  return file;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const variable = String(issue.path[0] ?? 'environment');
    const value = env[variable];
    throw new ConfigError(
      variable,
      `${issue.message}${value === undefined ? '' : ` (got "${variable.includes('KEY') || variable === 'SMTP_URL' ? '…' : value}")`}`,
    );
  }
  const e = parsed.data;
  if (e.CASE_TAKE_IN_CHARGE_WORKING_DAYS < e.CASE_ACKNOWLEDGE_WORKING_DAYS) {
    throw new ConfigError(
      'CASE_TAKE_IN_CHARGE_WORKING_DAYS',
      'must not be shorter than CASE_ACKNOWLEDGE_WORKING_DAYS',
    );
  }
  if (e.STATS_THRESHOLD_PUBLIC < e.STATS_THRESHOLD_INTERNAL) {
    throw new ConfigError(
      'STATS_THRESHOLD_PUBLIC',
      'must not be lower than STATS_THRESHOLD_INTERNAL (the public sees no more than analysts)',
    );
  }
  const warnings: string[] = [];
  const dataDir = resolve(e.DATA_DIR);
  const database: DatabaseConfig = e.DATABASE_URL
    ? { kind: 'postgresql', url: e.DATABASE_URL }
    : { kind: 'pglite', dataDir: join(dataDir, 'pglite') };

  let masterKeysRaw = e.MASTER_KEYS;
  let hashKeyRaw = e.HASH_KEY;
  if (!masterKeysRaw || !hashKeyRaw) {
    if (e.NODE_ENV === 'production' && database.kind === 'postgresql') {
      throw new ConfigError(
        masterKeysRaw ? 'HASH_KEY' : 'MASTER_KEYS',
        'is required in production with PostgreSQL (keys are never generated on a server)',
      );
    }
    const file = loadOrCreateKeyFile(dataDir, warnings);
    masterKeysRaw ??= file.masterKeys;
    hashKeyRaw ??= file.hashKey;
  }

  return {
    environment: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    publicUrl: e.PUBLIC_URL,
    logLevel: e.LOG_LEVEL,
    database,
    dataDir,
    uploadsDir: resolve(e.UPLOADS_DIR ?? join(dataDir, 'uploads')),
    masterKeys: parseMasterKeys(masterKeysRaw, e.MASTER_KEY_CURRENT),
    hashKey: Buffer.from(hashKeyRaw, 'base64'),
    session: { idleMinutes: e.SESSION_IDLE_MINUTES, absoluteHours: e.SESSION_ABSOLUTE_HOURS },
    trustProxy: e.TRUST_PROXY === 'true',
    demoData: e.NODE_ENV !== 'production' && e.DEMO_DATA !== 'false',
    jobs: { enabled: e.JOBS === 'on' },
    cases: {
      timeZone: e.TIME_ZONE,
      acknowledgeWorkingDays: e.CASE_ACKNOWLEDGE_WORKING_DAYS,
      takeInChargeWorkingDays: e.CASE_TAKE_IN_CHARGE_WORKING_DAYS,
      retentionMonths: {
        closed: e.CASE_RETENTION_MONTHS_CLOSED,
        not_pertinent: e.CASE_RETENTION_MONTHS_NOT_PERTINENT,
        redirected: e.CASE_RETENTION_MONTHS_REDIRECTED,
        withdrawn: e.CASE_RETENTION_MONTHS_WITHDRAWN,
      },
      inactiveMonths: e.CASE_RETENTION_MONTHS_INACTIVE,
    },
    mail: { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM },
    stats: {
      internalThreshold: e.STATS_THRESHOLD_INTERNAL,
      publicThreshold: e.STATS_THRESHOLD_PUBLIC,
      publicReleaseDelayDays: e.STATS_PUBLIC_RELEASE_DELAY_DAYS,
    },
    warnings,
  };
}
