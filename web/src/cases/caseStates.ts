import type { CaseStatus } from '../../../src/core/cases/workflow.ts';

/** States in which the response-time targets still run. */
export function isWaiting(status: CaseStatus): boolean {
  return status === 'received' || status === 'in_triage';
}
