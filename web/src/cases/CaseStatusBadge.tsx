import type { CaseStatus } from '../../../src/core/cases/workflow.ts';
import { useT } from '../i18n/useT.ts';

const colours: Record<CaseStatus, string> = {
  received: 'bg-primary',
  in_triage: 'bg-primary',
  taken_in_charge: 'bg-success',
  in_progress: 'bg-success',
  closed: 'bg-secondary',
  not_pertinent: 'bg-secondary',
  redirected: 'bg-secondary',
  withdrawn: 'bg-secondary',
};

/** The state in words; the colour only repeats them. */
export function CaseStatusBadge({ status }: { status: CaseStatus }) {
  const t = useT();
  return <span className={`badge ${colours[status]}`}>{t(`bo.cases.status.${status}`)}</span>;
}
