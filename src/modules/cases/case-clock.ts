/**
 * Pure rules of a case's clock: which response-time targets are overdue today, and until when a
 * case that reached a final state keeps its personal data.
 */
import type { CaseStatus } from '../../core/cases/workflow.ts';
import { addMonths } from '../../core/cases/retention.ts';
import { localDate } from '../../core/cases/working-days.ts';
import type { CaseSettings } from './case-settings.ts';

export interface CaseClock {
  status: CaseStatus;
  acknowledgeDueOn: string;
  takeInChargeDueOn: string;
  takenInChargeAt: Date | null;
}

export interface OverdueFlags {
  acknowledge: boolean;
  takeInCharge: boolean;
}

/**
 * A due date is met until the end of its local day, so a target is overdue from the next day on.
 * Only a case still waiting for that step is overdue: acknowledging is leaving `received`, taking
 * in charge is reaching `taken_in_charge`.
 */
export function overdueFlags(clock: CaseClock, today: string): OverdueFlags {
  return {
    acknowledge: clock.status === 'received' && today > clock.acknowledgeDueOn,
    takeInCharge:
      (clock.status === 'received' || clock.status === 'in_triage') &&
      clock.takenInChargeAt === null &&
      today > clock.takeInChargeDueOn,
  };
}

export type FinalStatus = keyof CaseSettings['retentionMonths'];

/** The last local day a case that became final at `finalAt` keeps its personal data. */
export function retentionUntil(finalAt: Date, status: FinalStatus, settings: CaseSettings): string {
  return addMonths(localDate(finalAt, settings.timeZone), settings.retentionMonths[status]);
}
