import { Alert, Button } from 'design-react-kit';
import { useCallback, useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import { describeError, describeErrorWithDetails } from '../common/errors.ts';
import { DataTable } from '../common/DataTable.tsx';
import { formatDateTime } from '../common/format.ts';
import { Loading } from '../common/Loading.tsx';
import { PageHeading } from '../common/PageHeading.tsx';
import { StatusMessage } from '../common/StatusMessage.tsx';
import { useT } from '../i18n/useT.ts';
import { useCodeLabel } from '../network/labels.ts';
import { answerReferral, listIncomingReferrals } from './collaborationApi.ts';
import type { IncomingReferral } from './collaborationApi.ts';
import { TextAreaField } from './TextAreaField.tsx';

/** Cases other nodes sent to me or my organisation: accept, or decline with a reason. */
export function ReferralInboxPage() {
  const t = useT();
  const intl = useIntl();
  const code = useCodeLabel();
  const [items, setItems] = useState<IncomingReferral[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [declining, setDeclining] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setItems(await listIncomingReferrals());
      setError(null);
    } catch (failed) {
      setError(failed);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  async function answer(item: IncomingReferral, step: 'accept' | 'decline') {
    setFailure(null);
    if (step === 'decline' && !reason.trim()) {
      setFailure(t('bo.cases.inbox.reasonRequired'));
      return;
    }
    try {
      await answerReferral(item.caseId, item.id, step, step === 'decline' ? reason.trim() : null);
      setDeclining(null);
      setReason('');
      await load();
      setStatus(
        t(step === 'accept' ? 'bo.cases.inbox.accepted' : 'bo.cases.inbox.declined', {
          reference: item.reference,
        }),
      );
    } catch (failed) {
      setFailure(describeErrorWithDetails(failed, t));
    }
  }

  return (
    <>
      <PageHeading title={t('bo.cases.inbox.title')} />
      <p>
        <Link to="/cases">{t('bo.cases.backToQueue')}</Link>
      </p>
      <StatusMessage message={status} />
      {failure && (
        <div className="alert alert-danger" role="alert">
          {failure}
        </div>
      )}
      {Boolean(error) && (
        <Alert color="danger" fade={false} role="alert">
          {describeError(error, t)}
        </Alert>
      )}
      {items === null && !error && <Loading />}
      {items?.length === 0 && <p>{t('bo.cases.inbox.none')}</p>}
      {items && items.length > 0 && (
        <DataTable caption={t('bo.cases.inbox.caption')}>
          <thead>
            <tr>
              {['reference', 'from', 'shares', 'status', 'answer'].map((column) => (
                <th key={column} scope="col">
                  {t(`bo.cases.inbox.column.${column}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.id}>
                <th scope="row">
                  {item.status === 'declined' || item.status === 'revoked' ? (
                    item.reference
                  ) : (
                    <Link to={`/cases/${item.caseId}`}>{item.reference}</Link>
                  )}
                  <small className="d-block">{formatDateTime(intl, item.createdAt)}</small>
                </th>
                <td>
                  {item.fromOrganisation?.name ?? '—'}
                  {item.note && <span className="d-block">{item.note}</span>}
                </td>
                <td>{item.shares.map((share) => t(`bo.cases.share.${share}`)).join(', ')}</td>
                <td>{code('bo.cases.referralStatus', item.status)}</td>
                <td>
                  {item.status === 'pending' && declining !== item.id && (
                    <div className="d-flex flex-wrap gap-2">
                      <Button size="xs" color="primary" onClick={() => void answer(item, 'accept')}>
                        {t('bo.cases.inbox.accept', { reference: item.reference })}
                      </Button>
                      <Button
                        size="xs"
                        color="primary"
                        outline
                        onClick={() => setDeclining(item.id)}
                      >
                        {t('bo.cases.inbox.decline', { reference: item.reference })}
                      </Button>
                    </div>
                  )}
                  {declining === item.id && (
                    <form
                      onSubmit={(event) => {
                        event.preventDefault();
                        void answer(item, 'decline');
                      }}
                    >
                      <TextAreaField
                        id={`inbox-reason-${item.id}`}
                        label={t('bo.cases.inbox.reason')}
                        required
                        rows={2}
                        value={reason}
                        onChange={setReason}
                      />
                      <Button type="submit" size="xs" color="primary">
                        {t('bo.cases.inbox.declineSubmit')}
                      </Button>{' '}
                      <Button size="xs" color="primary" outline onClick={() => setDeclining(null)}>
                        {t('bo.cancel')}
                      </Button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </>
  );
}
