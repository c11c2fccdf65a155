import type { Config } from '../../config.ts';
import type { CaseStatus } from '../../core/cases/workflow.ts';

/**
 * Response-time targets and retention, read from the environment by src/config.ts (where the
 * defaults a help desk network commonly agrees on are declared).
 */
export interface CaseSettings {
  timeZone: string;
  acknowledgeWorkingDays: number;
  takeInChargeWorkingDays: number;
  /** Months a case is kept with its personal data after it reaches each final state. */
  retentionMonths: Record<
    Extract<CaseStatus, 'closed' | 'not_pertinent' | 'redirected' | 'withdrawn'>,
    number
  >;
  /** Months an open case is kept without any activity (src/core/cases/retention.ts). */
  inactiveMonths: number;
}

export function caseSettingsOf(config: Config): CaseSettings {
  return config.cases;
}
