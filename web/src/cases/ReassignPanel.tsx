import { Button } from 'design-react-kit';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { ApiError } from '../api/client.ts';
import { reassignCase } from '../api/cases.ts';
import type { CaseDetail } from '../api/cases.ts';
import { listAllOrganisations } from '../api/organisations.ts';
import { ErrorSummary } from '../common/ErrorSummary.tsx';
import { SelectField } from '../common/SelectField.tsx';
import { useDraftForm } from '../common/useDraftForm.ts';
import { controlFor, fieldId } from '../common/useFormErrors.ts';
import { useT } from '../i18n/useT.ts';
import type { QueueNotice } from './CaseQueuePage.tsx';
import { TextAreaField } from './TextAreaField.tsx';
import { useHelpDesks } from './useCaseTeams.ts';

const FORM = 'case-reassign';

interface Props {
  detail: CaseDetail;
  /** After a 409 the case is reloaded. */
  reload: () => void;
}

interface Draft {
  organisationId: string;
  helpDeskId: string;
  reason: string;
}

/**
 * Coordinators move a case to another desk or organisation's queue. The coordinator may no
 * longer see the case afterwards, so the queue is shown with a confirmation.
 */
export function ReassignPanel({ detail, reload }: Props) {
  const t = useT();
  const navigate = useNavigate();
  const [organisations, setOrganisations] = useState<{ id: string; name: string }[]>([]);
  useEffect(() => {
    let current = true;
    listAllOrganisations().then(
      (items) => {
        if (current) setOrganisations(items.filter((item) => item.status === 'active'));
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, []);
  const editor = useDraftForm<Draft>({
    initial: { organisationId: '', helpDeskId: '', reason: '' },
    check: (draft) => {
      const problems = [];
      if (!draft.organisationId) {
        problems.push({ field: 'organisationId', message: t('bo.cases.reassign.queueRequired') });
      }
      if (!draft.reason.trim()) {
        problems.push({ field: 'reason', message: t('bo.cases.reassign.reasonRequired') });
      }
      return problems;
    },
    save: async (draft) => {
      try {
        await reassignCase(detail.id, {
          // One or the other: a desk names its own organisation.
          organisationId: draft.helpDeskId ? null : draft.organisationId,
          helpDeskId: draft.helpDeskId || null,
          reason: draft.reason.trim(),
          rowVersion: detail.rowVersion,
        });
      } catch (failure) {
        if (failure instanceof ApiError && failure.status === 409) reload();
        throw failure;
      }
      const state: QueueNotice = { notice: 'reassigned', reference: detail.reference };
      void navigate('/cases', { state });
    },
  });
  const { draft, set, setDraft, form } = editor;
  const desks = useHelpDesks(draft.organisationId ? [draft.organisationId] : []);
  const labels: Record<string, string> = {
    organisationId: t('bo.cases.reassign.organisation'),
    helpDeskId: t('bo.cases.reassign.helpDesk'),
    reason: t('bo.cases.reassign.reason'),
  };
  return (
    <section aria-labelledby="case-reassign" className="mb-5">
      <h2 id="case-reassign" className="h3">
        {t('bo.cases.reassign.title')}
      </h2>
      <p>{t('bo.cases.reassign.intro')}</p>
      <form noValidate onSubmit={editor.onSubmit}>
        <ErrorSummary errors={form.errors} target={(field) => controlFor(FORM, labels, field)} />
        <SelectField
          id={fieldId(FORM, 'organisationId')}
          className="mb-3"
          label={labels.organisationId ?? ''}
          value={draft.organisationId}
          onChange={(value) => setDraft({ ...draft, organisationId: value, helpDeskId: '' })}
          placeholder={t('bo.cases.choose')}
          options={organisations.map((organisation) => ({
            value: organisation.id,
            label: organisation.name,
          }))}
          error={form.messageFor('organisationId')}
        />
        <SelectField
          id={fieldId(FORM, 'helpDeskId')}
          className="mb-3"
          label={labels.helpDeskId ?? ''}
          value={draft.helpDeskId}
          onChange={(value) => set('helpDeskId', value)}
          placeholder={t('bo.cases.new.organisationQueue')}
          options={desks.map((desk) => ({ value: desk.id, label: desk.name }))}
          error={form.messageFor('helpDeskId')}
        />
        <TextAreaField
          id={fieldId(FORM, 'reason')}
          label={labels.reason ?? ''}
          required
          value={draft.reason}
          onChange={(value) => set('reason', value)}
          error={form.messageFor('reason')}
        />
        <Button type="submit" color="primary" disabled={editor.submitting}>
          {t('bo.cases.reassign.submit')}
        </Button>
      </form>
    </section>
  );
}
