import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config.ts';
import type { DatabaseHandle } from '../db/database.ts';

/** What every job handler receives: the same dependencies the HTTP app runs on. */
export interface JobDependencies {
  database: DatabaseHandle;
  config: Config;
  logger: FastifyBaseLogger;
}

/** One delivery of a job. `data` comes from the queue as JSON: handlers validate it. */
export interface JobRun {
  id: string;
  data: unknown;
  /** 0 on the first attempt, then 1, 2… on retries. */
  retryCount: number;
}

/**
 * A background job. pg-boss delivers a job at least once (a crash after the work but before the
 * completion is recorded runs it again), so every handler must be idempotent: running it twice
 * leaves the same state as running it once.
 */
export interface JobDefinition {
  /** Queue name, `<module>.<action>` (letters, digits, `.`, `-`, `_`). */
  name: string;
  /** The result is stored with the completed job: counts only, never personal data. */
  handler(deps: JobDependencies, job: JobRun): Promise<Record<string, unknown> | void>;
  /** Sends the job on this cron (5 fields, minute first). Schedules are shared by all instances. */
  schedule?: { cron: string; timezone?: string };
  /** Attempts after the first failure, and the first delay (doubled on each retry). */
  retry?: { limit: number; delaySeconds: number };
  /** A run still active after this long is treated as failed (and retried). */
  expireInSeconds?: number;
}
