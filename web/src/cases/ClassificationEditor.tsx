import { Button } from 'design-react-kit';
import { classifyCase } from '../api/cases.ts';
import type { CaseDetail, Classification, Taxonomy } from '../api/cases.ts';
import { ErrorSummary } from '../common/ErrorSummary.tsx';
import { SelectField } from '../common/SelectField.tsx';
import { StatusMessage } from '../common/StatusMessage.tsx';
import { useDraftForm } from '../common/useDraftForm.ts';
import { fieldId } from '../common/useFormErrors.ts';
import { useT } from '../i18n/useT.ts';
import { CheckboxGroup } from '../network/CheckboxGroup.tsx';
import { GroundsField, intersectional } from './GroundsField.tsx';
import { facetOptions, useTaxonomyLabel } from './taxonomy.ts';
import type { CaseState } from './useCase.ts';

const FORM = 'case-classification';

interface Props {
  detail: CaseDetail;
  taxonomy: Taxonomy | null;
  change: CaseState['change'];
}

function initial(detail: CaseDetail): Classification {
  const c = detail.classification;
  return {
    grounds: c?.grounds ?? [],
    primaryGround: c?.primaryGround ?? null,
    perceivedGrounds: c?.perceivedGrounds ?? [],
    associationGrounds: c?.associationGrounds ?? [],
    domains: c?.domains ?? [],
    types: c?.types ?? [],
    perpetratorKind: c?.perpetratorKind ?? null,
    perpetratorSectors: c?.perpetratorSectors ?? [],
    perpetratorRoles: c?.perpetratorRoles ?? [],
    reporterRole: c?.reporterRole ?? null,
  };
}

const multi = [
  ['domains', 'domain'],
  ['types', 'type'],
  ['perpetratorSectors', 'perpetrator_sector'],
  ['perpetratorRoles', 'perpetrator_role'],
] as const;

/** The faceted classification of DESIGN, with the codes of the case's taxonomy version. */
export function ClassificationEditor({ detail, taxonomy, change }: Props) {
  const t = useT();
  const label = useTaxonomyLabel(taxonomy);
  const editor = useDraftForm<Classification>({
    initial: () => initial(detail),
    save: async (draft) => {
      await change((rowVersion) => classifyCase(detail.id, { ...draft, rowVersion }));
    },
  });
  const { draft, set, setDraft, form } = editor;
  const fieldLabel = (field: string) => t(`bo.cases.classification.${field}`);
  const groupError = (field: string) => {
    const messages = form.errors.fields
      .filter((error) => error.field === field || error.field.startsWith(`${field}.`))
      .map((error) => error.message);
    return messages.length > 0 ? messages.join(' ') : undefined;
  };
  const flags = ['primaryGround', 'perceivedGrounds', 'associationGrounds'];
  const target = (field: string) => {
    const base = field.split('.')[0] ?? field;
    const group = flags.includes(base) ? 'grounds' : base;
    return { id: fieldId(FORM, group), label: fieldLabel(group) };
  };
  const isIntersectional = intersectional(taxonomy, draft.grounds);
  return (
    <section aria-labelledby="case-classification" className="mb-5">
      <h2 id="case-classification" className="h3">
        {t('bo.cases.classification.title')}
      </h2>
      <p>{t('bo.cases.classification.version', { version: detail.taxonomyVersion })}</p>
      <StatusMessage message={editor.saved ? t('bo.cases.classification.saved') : null} />
      <form noValidate onSubmit={editor.onSubmit}>
        <ErrorSummary errors={form.errors} target={target} />
        <GroundsField
          id={fieldId(FORM, 'grounds')}
          taxonomy={taxonomy}
          label={label}
          value={draft}
          onChange={(value) => setDraft({ ...draft, ...value })}
          error={
            [groupError('grounds'), ...flags.map(groupError)].filter(Boolean).join(' ') || undefined
          }
        />
        <p role="status" className="fw-semibold">
          {isIntersectional ? (
            <span className="badge bg-warning text-dark">
              {t('bo.cases.classification.intersectional')}
            </span>
          ) : null}
        </p>
        {multi.map(([field, facet]) => (
          <CheckboxGroup
            key={field}
            id={fieldId(FORM, field)}
            legend={fieldLabel(field)}
            options={facetOptions(taxonomy, facet, label)}
            selected={draft[field]}
            onChange={(selected) => set(field, selected)}
            error={groupError(field)}
          />
        ))}
        <div className="row">
          <SelectField
            id={fieldId(FORM, 'perpetratorKind')}
            className="col-md-6 mb-3"
            label={fieldLabel('perpetratorKind')}
            value={draft.perpetratorKind ?? ''}
            onChange={(value) => set('perpetratorKind', value || null)}
            placeholder={t('bo.cases.notStated')}
            options={facetOptions(taxonomy, 'perpetrator_kind', label)}
            error={form.messageFor('perpetratorKind')}
          />
          <SelectField
            id={fieldId(FORM, 'reporterRole')}
            className="col-md-6 mb-3"
            label={fieldLabel('reporterRole')}
            value={draft.reporterRole ?? ''}
            onChange={(value) => set('reporterRole', value || null)}
            placeholder={t('bo.cases.notStated')}
            options={facetOptions(taxonomy, 'reporter_role', label)}
            error={form.messageFor('reporterRole')}
          />
        </div>
        <Button type="submit" color="primary" disabled={editor.submitting || !taxonomy}>
          {t('bo.cases.classification.submit')}
        </Button>
      </form>
    </section>
  );
}
