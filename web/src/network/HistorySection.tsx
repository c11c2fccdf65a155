import { Alert } from 'design-react-kit';
import { useEffect, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import type { HistoryPage } from '../api/history.ts';
import { describeError } from '../common/errors.ts';
import { formatDateTime } from '../common/format.ts';
import { Loading } from '../common/Loading.tsx';
import { useT } from '../i18n/useT.ts';
import { describeValue } from './historyValues.ts';
import { useCodeLabel } from './labels.ts';

interface Props {
  /** Changes when the record is saved, so the history is read again. */
  version: string;
  load: () => Promise<HistoryPage>;
}

/** Who changed what and when, newest first. */
export function HistorySection({ version, load }: Props) {
  const t = useT();
  const intl = useIntl();
  const label = useCodeLabel();
  const [history, setHistory] = useState<HistoryPage | null>(null);
  const [error, setError] = useState<unknown>(null);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    let current = true;
    loadRef.current().then(
      (page) => current && setHistory(page),
      (failure: unknown) => current && setError(failure),
    );
    return () => {
      current = false;
    };
  }, [version]);

  const empty = t('bo.network.history.empty');
  const entries = history?.items ?? null;
  const labels = history?.labels ?? { municipalities: {}, organisations: {} };
  const context = { labels, codeLabel: label, empty };
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
                    from: describeValue(field, change.from, context),
                    to: describeValue(field, change.to, context),
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
