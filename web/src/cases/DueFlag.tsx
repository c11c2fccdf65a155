import { useIntl } from 'react-intl';
import type { Overdue } from '../api/cases.ts';
import { useT } from '../i18n/useT.ts';

interface Props {
  overdue: Overdue;
  acknowledgeDueOn: string;
  takeInChargeDueOn: string;
  /** Whether the case still waits to be taken in charge (due dates no longer apply after). */
  waiting: boolean;
}

export function formatDay(intl: ReturnType<typeof useIntl>, day: string): string {
  return intl.formatDate(new Date(`${day.slice(0, 10)}T12:00:00`), { dateStyle: 'medium' });
}

/**
 * The response-time targets: an overdue case says so in words with a warning sign, so the
 * flag is not carried by colour alone.
 */
export function DueFlag({ overdue, acknowledgeDueOn, takeInChargeDueOn, waiting }: Props) {
  const t = useT();
  const intl = useIntl();
  if (overdue.acknowledge || overdue.takeInCharge) {
    const key = overdue.acknowledge
      ? 'bo.cases.due.overdueAcknowledge'
      : 'bo.cases.due.overdueTakeInCharge';
    const day = overdue.acknowledge ? acknowledgeDueOn : takeInChargeDueOn;
    return (
      <span className="text-danger fw-semibold">
        <span aria-hidden="true">⚠ </span>
        {t(key, { date: formatDay(intl, day) })}
      </span>
    );
  }
  if (!waiting) return <span>{t('bo.cases.due.none')}</span>;
  return <span>{t('bo.cases.due.by', { date: formatDay(intl, takeInChargeDueOn) })}</span>;
}
