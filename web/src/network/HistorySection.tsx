import { Alert } from 'design-react-kit';
import { useEffect, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import type { HistoryEntry } from '../api/organisations.ts';
import { describeError } from '../common/errors.ts';
import { formatDateTime } from '../common/format.ts';
import { Loading } from '../common/Loading.tsx';
import { useT } from '../i18n/useT.ts';
import { useCodeLabel } from './labels.ts';

interface Props {
  /** Changes when the record is saved, so the history is read again. */
  version: string;
  load: () => Promise<HistoryEntry[]>;
}

function show(value: unknown, empty: string): string {
  if (value === null || value === undefined || value === '') return empty;
  if (Array.isArray(value))
    return value.length ? value.map((v) => show(v, empty)).join(', ') : empty;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return String(value);
  return JSON.stringify(value);
}

/** Who changed what and when, newest first. */
export function HistorySection({ version, load }: Props) {
  const t = useT();
  const intl = useIntl();
  const label = useCodeLabel();
  const [entries, setEntries] = useState<HistoryEntry[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    let current = true;
    loadRef.current().then(
      (items) => current && setEntries(items),
      (failure: unknown) => current && setError(failure),
    );
    return () => {
      current = false;
    };
  }, [version]);

  const empty = t('bo.network.history.empty');
  return (
    <section className="mb-5" aria-labelledby="history-heading">
      <h2 id="history-heading" className="h3">
        {t('bo.network.history.title')}
      </h2>
      {Boolean(error) && (
        <Alert color="danger" fade={false}>
          {describeError(error, t)}
        </Alert>
      )}
      {entries === null && !error && <Loading />}
      {entries?.length === 0 && <p>{t('bo.network.history.none')}</p>}
      <ol className="list-unstyled">
        {entries?.map((entry) => (
          <li key={entry.id} className="mb-3 border-bottom pb-2">
            <p className="mb-1">
              <strong>{formatDateTime(intl, entry.changedAt)}</strong>
              {' – '}
              {entry.changedBy?.displayName ?? t('bo.network.history.system')}
              {' – '}
              {t(`bo.network.history.kind.${entry.changeKind}`)}
            </p>
            <ul>
              {Object.entries(entry.changes).map(([field, change]) => (
                <li key={field}>
                  {t('bo.network.history.change', {
                    field: label('bo.network.field', field),
                    from: show(change.from, empty),
                    to: show(change.to, empty),
                  })}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </section>
  );
}
