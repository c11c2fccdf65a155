import { Badge } from 'design-react-kit';
import { useIntl } from 'react-intl';
import type { AuditEntry, AuditOutcome } from '../api/types.ts';
import { DataTable } from '../common/DataTable.tsx';
import { formatDateTime } from '../common/format.ts';
import { useT } from '../i18n/useT.ts';

const outcomeColors: Record<AuditOutcome, string> = {
  success: 'success',
  denied: 'warning',
  failure: 'danger',
};

function formatValue(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** `key=value` pairs on one line: the details are for scanning, not for reading in full. */
export function compactDetails(details: Record<string, unknown>): string {
  return Object.entries(details)
    .map(([key, value]) => `${key}=${formatValue(value)}`)
    .join(' ');
}

export function OutcomeBadge({ outcome }: { outcome: AuditOutcome }) {
  const t = useT();
  return (
    <Badge color={outcomeColors[outcome] ?? 'secondary'}>{t(`bo.audit.outcome.${outcome}`)}</Badge>
  );
}

export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  const t = useT();
  const intl = useIntl();
  return (
    <DataTable caption={t('bo.audit.caption')}>
      <thead>
        <tr>
          <th scope="col">{t('bo.audit.column.id')}</th>
          <th scope="col">{t('bo.audit.column.time')}</th>
          <th scope="col">{t('bo.audit.column.actor')}</th>
          <th scope="col">{t('bo.audit.column.action')}</th>
          <th scope="col">{t('bo.audit.column.outcome')}</th>
          <th scope="col">{t('bo.audit.column.target')}</th>
          <th scope="col">{t('bo.audit.column.details')}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <tr key={entry.id}>
            <th scope="row">{entry.id}</th>
            <td>
              <time dateTime={entry.occurredAt}>{formatDateTime(intl, entry.occurredAt)}</time>
            </td>
            <td>{entry.actorLabel ?? entry.actorUserId ?? t('bo.audit.system')}</td>
            <td className="font-monospace">{entry.action}</td>
            <td>
              <OutcomeBadge outcome={entry.outcome} />
            </td>
            <td>
              {entry.targetType ?? ''} {entry.targetId ?? ''}
            </td>
            <td className="font-monospace bo-details">{compactDetails(entry.details ?? {})}</td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
