import { consentPurposes } from '../../../src/core/cases/consent.ts';
import { SelectField } from '../common/SelectField.tsx';
import { TextField } from '../common/TextField.tsx';
import type { DraftForm } from '../common/useDraftForm.ts';
import { fieldId } from '../common/useFormErrors.ts';
import { useT } from '../i18n/useT.ts';
import { NEW_CASE_FORM } from './newCaseForm.ts';
import type { NewCaseDraft } from './newCaseForm.ts';
import { useHelpDesks } from './useCaseTeams.ts';

const id = (field: string) => fieldId(NEW_CASE_FORM, field);

interface Props {
  editor: DraftForm<NewCaseDraft>;
  labels: Record<string, string>;
  organisations: { id: string; name: string }[];
}

/** How to reach the reporter, what they agreed to, and whose queue the case goes to. */
export function IntakeReporterFields({ editor, labels, organisations }: Props) {
  const t = useT();
  const { draft, set, setDraft, form } = editor;
  const desks = useHelpDesks(draft.organisationId ? [draft.organisationId] : []);
  const l = (field: string) => labels[field] ?? field;
  return (
    <>
      <fieldset className="mb-4">
        <legend className="h4">{t('bo.cases.new.section.contact')}</legend>
        {[false, true].map((anonymous) => (
          <div key={String(anonymous)} className="form-check">
            <input
              id={id(`anonymous-${anonymous}`)}
              type="radio"
              name="anonymous"
              checked={draft.anonymous === anonymous}
              onChange={() => set('anonymous', anonymous)}
            />
            <label htmlFor={id(`anonymous-${anonymous}`)}>
              {t(anonymous ? 'bo.cases.new.anonymous' : 'bo.cases.new.withContact')}
            </label>
          </div>
        ))}
        {!draft.anonymous && (
          <div className="mt-3">
            <TextField
              id={id('contact.name')}
              label={l('contact.name')}
              autoComplete="off"
              value={draft.name}
              onChange={(value) => set('name', value)}
              error={form.messageFor('contact.name')}
            />
            <TextField
              id={id('contact.email')}
              type="email"
              autoComplete="off"
              label={l('contact.email')}
              value={draft.email}
              onChange={(value) => set('email', value)}
              error={form.messageFor('contact.email')}
            />
            <TextField
              id={id('contact.phone')}
              autoComplete="off"
              label={l('contact.phone')}
              value={draft.phone}
              onChange={(value) => set('phone', value)}
              error={form.messageFor('contact.phone')}
            />
          </div>
        )}
      </fieldset>
      <fieldset className="mb-4">
        <legend className="h4">{t('bo.cases.new.section.consents')}</legend>
        <p>{t('bo.cases.new.consentsIntro')}</p>
        {consentPurposes
          .filter((purpose) => !(draft.anonymous && purpose === 'contact'))
          .map((purpose) => {
            const field = `consents.${purpose}`;
            const error = form.messageFor(field);
            return (
              <div key={purpose} className="form-check mb-3">
                <input
                  id={id(field)}
                  type="checkbox"
                  checked={draft.consents[purpose]}
                  aria-describedby={`${id(field)}-help${error ? ` ${id(field)}-error` : ''}`}
                  aria-invalid={error ? true : undefined}
                  onChange={(event) =>
                    setDraft({
                      ...draft,
                      consents: { ...draft.consents, [purpose]: event.target.checked },
                    })
                  }
                />
                <label htmlFor={id(field)}>{t(`bo.cases.consent.${purpose}`)}</label>
                <small id={`${id(field)}-help`} className="form-text d-block">
                  {t(`bo.cases.consent.${purpose}Help`)}
                </small>
                {error && (
                  <div id={`${id(field)}-error`} className="invalid-feedback d-block">
                    {error}
                  </div>
                )}
              </div>
            );
          })}
      </fieldset>
      <fieldset className="mb-4">
        <legend className="h4">{t('bo.cases.new.section.queue')}</legend>
        <SelectField
          id={id('queue.organisationId')}
          className="mb-3"
          label={l('queue.organisationId')}
          value={draft.organisationId}
          onChange={(value) => setDraft({ ...draft, organisationId: value, helpDeskId: '' })}
          options={organisations.map((organisation) => ({
            value: organisation.id,
            label: organisation.name,
          }))}
          error={form.messageFor('queue.organisationId')}
        />
        <SelectField
          id={id('queue.helpDeskId')}
          className="mb-3"
          label={l('queue.helpDeskId')}
          value={draft.helpDeskId}
          onChange={(value) => set('helpDeskId', value)}
          placeholder={t('bo.cases.new.organisationQueue')}
          options={desks.map((desk) => ({ value: desk.id, label: desk.name }))}
          error={form.messageFor('queue.helpDeskId')}
        />
        <div className="form-check">
          <input
            id={id('issueReceipt')}
            type="checkbox"
            checked={draft.issueReceipt}
            aria-describedby={`${id('issueReceipt')}-help`}
            onChange={(event) => set('issueReceipt', event.target.checked)}
          />
          <label htmlFor={id('issueReceipt')}>{t('bo.cases.new.issueReceipt')}</label>
          <small id={`${id('issueReceipt')}-help`} className="form-text d-block">
            {t('bo.cases.new.issueReceiptHelp')}
          </small>
        </div>
      </fieldset>
    </>
  );
}
