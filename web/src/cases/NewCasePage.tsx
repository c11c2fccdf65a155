import { Alert, Button } from 'design-react-kit';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { createCase } from '../api/cases.ts';
import type { CreatedCase } from '../api/cases.ts';
import { useSignedInUser } from '../auth/SessionProvider.tsx';
import { describeError } from '../common/errors.ts';
import { ErrorSummary } from '../common/ErrorSummary.tsx';
import { PageHeading } from '../common/PageHeading.tsx';
import { useDraftForm } from '../common/useDraftForm.ts';
import { controlFor } from '../common/useFormErrors.ts';
import { useT } from '../i18n/useT.ts';
import { IntakeReporterFields } from './IntakeReporterFields.tsx';
import { IntakeReportFields } from './IntakeReportFields.tsx';
import { checkDraft, emptyDraft, NEW_CASE_FORM, newCaseLabels, toNewCase } from './newCaseForm.ts';
import type { NewCaseDraft } from './newCaseForm.ts';
import { ReceiptDialog } from './ReceiptDialog.tsx';
import { useTaxonomy } from './taxonomy.ts';
import { teamOrganisations } from './useCaseTeams.ts';

/** An operator enters a report received by phone, e-mail, in person, press or monitoring. */
export function NewCasePage() {
  const t = useT();
  const navigate = useNavigate();
  const user = useSignedInUser();
  const organisations = teamOrganisations(user);
  const { taxonomy, error: taxonomyError } = useTaxonomy();
  const [created, setCreated] = useState<CreatedCase | null>(null);
  const labels = newCaseLabels(t);
  const target = (field: string) => {
    // `grounds.3` points at the group of checkboxes.
    const group = field.replace(/\.\d+$/, '');
    return controlFor(NEW_CASE_FORM, labels, field) ?? controlFor(NEW_CASE_FORM, labels, group);
  };
  const open = (id: string) => void navigate(`/cases/${encodeURIComponent(id)}`);

  const editor = useDraftForm<NewCaseDraft>({
    initial: () => emptyDraft(organisations[0]?.id ?? ''),
    check: (draft) => checkDraft(draft, t),
    save: async (draft) => {
      const answer = await createCase(toNewCase(draft));
      if (answer.receiptCode) setCreated(answer);
      else open(answer.id);
    },
  });

  return (
    <>
      <PageHeading title={t('bo.cases.new.title')} />
      <p>
        <Link to="/cases">{t('bo.cases.backToQueue')}</Link>
      </p>
      {organisations.length === 0 && (
        <Alert color="warning" fade={false}>
          {t('bo.cases.new.noTeam')}
        </Alert>
      )}
      {Boolean(taxonomyError) && (
        <Alert color="warning" fade={false}>
          {describeError(taxonomyError, t)}
        </Alert>
      )}
      <form noValidate onSubmit={editor.onSubmit}>
        <ErrorSummary errors={editor.form.errors} target={target} />
        <IntakeReportFields editor={editor} taxonomy={taxonomy} labels={labels} />
        <IntakeReporterFields editor={editor} labels={labels} organisations={organisations} />
        <Button type="submit" color="primary" disabled={editor.submitting}>
          {editor.submitting ? t('bo.cases.new.saving') : t('bo.cases.new.submit')}
        </Button>
      </form>
      {created?.receiptCode && (
        <ReceiptDialog
          reference={created.reference}
          code={created.receiptCode}
          onClose={() => open(created.id)}
        />
      )}
    </>
  );
}
