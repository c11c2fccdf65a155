import { Button } from 'design-react-kit';
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import type { FieldError } from '../api/client.ts';
import { ErrorSummary } from '../common/ErrorSummary.tsx';
import { SelectField } from '../common/SelectField.tsx';
import { TextField } from '../common/TextField.tsx';
import { controlFor, fieldId, useFormErrors } from '../common/useFormErrors.ts';
import { useT } from '../i18n/useT.ts';
import { outcomes, startOfLocalDay } from './filters.ts';
import type { AuditFilterForm } from './filters.ts';

const FORM = 'audit-filters';

interface Props {
  applied: AuditFilterForm;
  onApply: (filters: AuditFilterForm) => void;
}

const empty: AuditFilterForm = {
  action: '',
  outcome: '',
  targetType: '',
  targetId: '',
  from: '',
  to: '',
};

export function AuditFiltersForm({ applied, onApply }: Props) {
  const t = useT();
  const form = useFormErrors();
  const [draft, setDraft] = useState(applied);

  // The URL is the source of truth (back/forward, shared links): follow it.
  useEffect(() => setDraft(applied), [applied]);

  const labels: Record<keyof AuditFilterForm, string> = {
    action: t('bo.audit.filter.action'),
    outcome: t('bo.audit.filter.outcome'),
    targetType: t('bo.audit.filter.targetType'),
    targetId: t('bo.audit.filter.targetId'),
    from: t('bo.audit.filter.from'),
    to: t('bo.audit.filter.to'),
  };
  const set = (key: keyof AuditFilterForm) => (value: string) =>
    setDraft((previous) => ({ ...previous, [key]: value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    const problems: FieldError[] = [];
    for (const key of ['from', 'to'] as const) {
      if (draft[key] && !startOfLocalDay(draft[key])) {
        problems.push({ field: key, message: t('bo.audit.filter.dateInvalid') });
      }
    }
    if (draft.from && draft.to && draft.from > draft.to) {
      problems.push({ field: 'to', message: t('bo.audit.filter.toBeforeFrom') });
    }
    if (problems.length > 0) {
      form.showFieldErrors(problems);
      return;
    }
    form.clear();
    onApply(draft);
  }

  function reset() {
    form.clear();
    setDraft(empty);
    onApply(empty);
  }

  return (
    <form noValidate onSubmit={submit} aria-label={t('bo.audit.filter.label')} className="mb-4">
      <ErrorSummary errors={form.errors} target={(field) => controlFor(FORM, labels, field)} />
      <div className="row">
        <div className="col-md-6 col-xl-4">
          <TextField
            id={fieldId(FORM, 'action')}
            label={labels.action}
            value={draft.action}
            onChange={set('action')}
            hint={t('bo.audit.filter.actionHint')}
          />
        </div>
        <div className="col-md-6 col-xl-4">
          <SelectField
            id={fieldId(FORM, 'outcome')}
            label={labels.outcome}
            placeholder={t('bo.audit.filter.anyOutcome')}
            options={outcomes.map((o) => ({ value: o, label: t(`bo.audit.outcome.${o}`) }))}
            value={draft.outcome}
            onChange={set('outcome')}
          />
        </div>
        <div className="col-md-6 col-xl-4">
          <TextField
            id={fieldId(FORM, 'targetType')}
            label={labels.targetType}
            value={draft.targetType}
            onChange={set('targetType')}
          />
        </div>
        <div className="col-md-6 col-xl-4">
          <TextField
            id={fieldId(FORM, 'targetId')}
            label={labels.targetId}
            value={draft.targetId}
            onChange={set('targetId')}
          />
        </div>
        <div className="col-md-6 col-xl-4">
          <TextField
            id={fieldId(FORM, 'from')}
            type="date"
            label={labels.from}
            value={draft.from}
            onChange={set('from')}
            error={form.messageFor('from')}
          />
        </div>
        <div className="col-md-6 col-xl-4">
          <TextField
            id={fieldId(FORM, 'to')}
            type="date"
            label={labels.to}
            value={draft.to}
            onChange={set('to')}
            error={form.messageFor('to')}
          />
        </div>
      </div>
      <div className="d-flex flex-wrap gap-3">
        <Button type="submit" color="primary">
          {t('bo.audit.filter.apply')}
        </Button>
        <Button type="button" color="secondary" outline onClick={reset}>
          {t('bo.audit.filter.reset')}
        </Button>
      </div>
    </form>
  );
}
