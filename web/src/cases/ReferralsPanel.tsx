import { Button } from 'design-react-kit';
import { useCallback, useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import type { CaseDetail } from '../api/cases.ts';
import { listAllOrganisations } from '../api/organisations.ts';
import { describeErrorWithDetails } from '../common/errors.ts';
import { formatDateTime } from '../common/format.ts';
import { ErrorSummary } from '../common/ErrorSummary.tsx';
import { SelectField } from '../common/SelectField.tsx';
import { StatusMessage } from '../common/StatusMessage.tsx';
import { useDraftForm } from '../common/useDraftForm.ts';
import { controlFor, fieldId } from '../common/useFormErrors.ts';
import { useT } from '../i18n/useT.ts';
import { CheckboxGroup } from '../network/CheckboxGroup.tsx';
import { answerReferral, createReferral, listReferrals } from './collaborationApi.ts';
import type { CaseReferral } from './collaborationApi.ts';
import { TextAreaField } from './TextAreaField.tsx';

const FORM = 'case-referral';
export const shareOptions = ['narrative', 'contact', 'documents', 'classification', 'notes'];

interface Props {
  detail: CaseDetail;
}

/**
 * Referrals of the case to another node of the network, only with the reporter's sharing
 * consent; the receiver sees only the parts chosen here. The team can revoke an open one.
 */
export function ReferralsPanel({ detail }: Props) {
  const t = useT();
  const intl = useIntl();
  const [referrals, setReferrals] = useState<CaseReferral[]>([]);
  const [organisations, setOrganisations] = useState<{ id: string; name: string }[]>([]);
  const [status, setStatus] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const consented = detail.consents.some(
    (consent) => consent.purpose === 'sharing' && consent.granted && !consent.withdrawnAt,
  );

  const load = useCallback(async () => {
    try {
      setReferrals(await listReferrals(detail.id));
    } catch (error) {
      setFailure(describeErrorWithDetails(error, t));
    }
  }, [detail.id, t]);

  useEffect(() => {
    void load();
    if (!consented) return;
    let current = true;
    listAllOrganisations().then(
      (items) => {
        if (current) {
          setOrganisations(
            items.filter((item) => item.status === 'active' && item.id !== detail.organisation?.id),
          );
        }
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [load, consented, detail.organisation?.id]);

  const labels = {
    toOrganisationId: t('bo.cases.referrals.to'),
    shares: t('bo.cases.referrals.shares'),
    note: t('bo.cases.referrals.note'),
  };
  const blank = () => ({ toOrganisationId: '', shares: ['narrative', 'classification'], note: '' });
  const editor = useDraftForm({
    initial: blank,
    check: (draft) => {
      const problems = [];
      if (!draft.toOrganisationId) {
        problems.push({ field: 'toOrganisationId', message: t('bo.cases.referrals.toRequired') });
      }
      if (draft.shares.length === 0) {
        problems.push({ field: 'shares', message: t('bo.cases.referrals.sharesRequired') });
      }
      return problems;
    },
    save: async (draft) => {
      await createReferral(detail.id, {
        toOrganisationId: draft.toOrganisationId,
        shares: draft.shares,
        note: draft.note.trim() || null,
      });
      await load();
    },
    afterSave: blank,
  });
  const { draft, set, form } = editor;

  async function revoke(referral: CaseReferral) {
    setFailure(null);
    try {
      await answerReferral(detail.id, referral.id, 'revoke', null);
      await load();
      setStatus(t('bo.cases.referrals.revoked'));
    } catch (error) {
      setFailure(describeErrorWithDetails(error, t));
    }
  }

  return (
    <section aria-labelledby="case-referrals" className="mb-5">
      <h3 id="case-referrals" className="h4">
        {t('bo.cases.referrals.title')}
      </h3>
      <StatusMessage message={status} />
      {failure && (
        <div className="alert alert-danger" role="alert">
          {failure}
        </div>
      )}
      {referrals.length === 0 ? (
        <p>{t('bo.cases.referrals.none')}</p>
      ) : (
        <ul className="list-unstyled">
          {referrals.map((referral) => {
            const to = referral.toOrganisation?.name ?? referral.toUser?.displayName ?? '—';
            return (
              <li key={referral.id} className="mb-3">
                <strong>{to}</strong> —{' '}
                <span className="badge bg-secondary">
                  {t(`bo.cases.referralStatus.${referral.status}`)}
                </span>{' '}
                {t('bo.cases.referrals.sent', {
                  at: formatDateTime(intl, referral.createdAt),
                  shares: referral.shares.map((share) => t(`bo.cases.share.${share}`)).join(', '),
                })}
                {referral.statusReason && (
                  <span className="d-block">
                    {t('bo.cases.referrals.reason', { reason: referral.statusReason })}
                  </span>
                )}
                {referral.status === 'pending' && (
                  <Button
                    size="xs"
                    color="primary"
                    outline
                    className="ms-2"
                    onClick={() => void revoke(referral)}
                  >
                    {t('bo.cases.referrals.revoke', { to })}
                  </Button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {!consented ? (
        <p>{t('bo.cases.referrals.noConsent')}</p>
      ) : (
        <>
          <StatusMessage message={editor.saved ? t('bo.cases.referrals.created') : null} />
          <form noValidate onSubmit={editor.onSubmit}>
            <ErrorSummary
              errors={form.errors}
              target={(field) => controlFor(FORM, labels, field.split('.')[0] ?? field)}
            />
            <SelectField
              id={fieldId(FORM, 'toOrganisationId')}
              className="mb-3"
              label={labels.toOrganisationId}
              value={draft.toOrganisationId}
              onChange={(value) => set('toOrganisationId', value)}
              placeholder={t('bo.cases.choose')}
              options={organisations.map((item) => ({ value: item.id, label: item.name }))}
              error={form.messageFor('toOrganisationId')}
            />
            <CheckboxGroup
              id={fieldId(FORM, 'shares')}
              legend={labels.shares}
              options={shareOptions.map((share) => ({
                value: share,
                label: t(`bo.cases.share.${share}`),
              }))}
              selected={draft.shares}
              onChange={(selected) => set('shares', selected)}
              error={form.messageFor('shares')}
            />
            <TextAreaField
              id={fieldId(FORM, 'note')}
              label={labels.note}
              value={draft.note}
              onChange={(value) => set('note', value)}
              error={form.messageFor('note')}
            />
            <Button type="submit" color="primary" disabled={editor.submitting}>
              {t('bo.cases.referrals.submit')}
            </Button>
          </form>
        </>
      )}
    </section>
  );
}
