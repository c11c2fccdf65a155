import { datePrecisions, intakeChannels } from '../../../src/core/cases/vocabularies.ts';
import type { Taxonomy } from '../api/cases.ts';
import { SelectField } from '../common/SelectField.tsx';
import { TextField } from '../common/TextField.tsx';
import type { DraftForm } from '../common/useDraftForm.ts';
import { fieldId } from '../common/useFormErrors.ts';
import { useT } from '../i18n/useT.ts';
import { CheckboxGroup } from '../network/CheckboxGroup.tsx';
import { MunicipalityPicker } from '../network/MunicipalityPicker.tsx';
import { NEW_CASE_FORM } from './newCaseForm.ts';
import type { NewCaseDraft } from './newCaseForm.ts';
import { facetOptions, useTaxonomyLabel } from './taxonomy.ts';
import { TextAreaField } from './TextAreaField.tsx';

const id = (field: string) => fieldId(NEW_CASE_FORM, field);

/** An error on a list field (`grounds.2`) is shown by the whole group. */
function groupError(form: DraftForm<NewCaseDraft>['form'], field: string): string | undefined {
  const messages = form.errors.fields
    .filter((error) => error.field === field || error.field.startsWith(`${field}.`))
    .map((error) => error.message);
  return messages.length > 0 ? messages.join(' ') : undefined;
}

interface Props {
  editor: DraftForm<NewCaseDraft>;
  taxonomy: Taxonomy | null;
  labels: Record<string, string>;
}

/** What happened, when, where, by whom and why: the report as the operator heard it. */
export function IntakeReportFields({ editor, taxonomy, labels }: Props) {
  const t = useT();
  const label = useTaxonomyLabel(taxonomy);
  const { draft, set, form } = editor;
  const l = (field: string) => labels[field] ?? field;
  return (
    <>
      <fieldset className="mb-4">
        <legend className="h4">{t('bo.cases.new.section.report')}</legend>
        <SelectField
          id={id('channel')}
          className="mb-3"
          label={l('channel')}
          value={draft.channel}
          onChange={(value) => set('channel', value)}
          options={intakeChannels
            .filter((channel) => channel !== 'web_form')
            .map((channel) => ({ value: channel, label: t(`bo.cases.channel.${channel}`) }))}
          error={form.messageFor('channel')}
        />
        <TextField
          id={id('title')}
          label={l('title')}
          hint={t('bo.cases.new.titleHint')}
          value={draft.title}
          maxLength={200}
          onChange={(value) => set('title', value)}
          error={form.messageFor('title')}
        />
        <TextAreaField
          id={id('narrative')}
          label={l('narrative')}
          hint={t('bo.cases.new.narrativeHint')}
          rows={6}
          required
          value={draft.narrative}
          onChange={(value) => set('narrative', value)}
          error={form.messageFor('narrative')}
        />
      </fieldset>
      <fieldset className="mb-4">
        <legend className="h4">{t('bo.cases.new.section.when')}</legend>
        <div className="row">
          <TextField
            id={id('occurredOn')}
            type="date"
            className="col-md-6"
            label={l('occurredOn')}
            value={draft.occurredOn}
            onChange={(value) => set('occurredOn', value)}
            error={form.messageFor('occurredOn')}
          />
          <SelectField
            id={id('occurredPrecision')}
            className="col-md-6 mb-3"
            label={l('occurredPrecision')}
            value={draft.occurredPrecision}
            onChange={(value) =>
              set('occurredPrecision', value as NewCaseDraft['occurredPrecision'])
            }
            placeholder={t('bo.cases.choose')}
            options={datePrecisions.map((precision) => ({
              value: precision,
              label: t(`bo.cases.precision.${precision}`),
            }))}
            error={form.messageFor('occurredPrecision')}
          />
        </div>
        <MunicipalityPicker
          id={id('municipalityCode')}
          legend={l('municipalityCode')}
          single
          chosen={draft.municipality}
          onChange={(chosen) => set('municipality', chosen)}
          error={form.messageFor('municipalityCode')}
        />
        <TextField
          id={id('placeDetail')}
          label={l('placeDetail')}
          value={draft.placeDetail}
          onChange={(value) => set('placeDetail', value)}
          error={form.messageFor('placeDetail')}
        />
        <div className="form-check mb-3">
          <input
            id={id('online')}
            type="checkbox"
            checked={draft.online}
            onChange={(event) => set('online', event.target.checked)}
          />
          <label htmlFor={id('online')}>{t('bo.cases.new.field.online')}</label>
        </div>
        {draft.online && (
          <TextField
            id={id('onlineLink')}
            label={l('onlineLink')}
            hint={t('bo.cases.new.onlineLinkHint')}
            value={draft.onlineLink}
            onChange={(value) => set('onlineLink', value)}
            error={form.messageFor('onlineLink')}
          />
        )}
      </fieldset>
      <fieldset className="mb-4">
        <legend className="h4">{t('bo.cases.new.section.who')}</legend>
        <SelectField
          id={id('reporterRole')}
          className="mb-3"
          label={l('reporterRole')}
          value={draft.reporterRole}
          onChange={(value) => set('reporterRole', value)}
          placeholder={t('bo.cases.choose')}
          options={facetOptions(taxonomy, 'reporter_role', label)}
          error={form.messageFor('reporterRole')}
        />
        <TextAreaField
          id={id('perpetratorDetail')}
          label={l('perpetratorDetail')}
          value={draft.perpetratorDetail}
          onChange={(value) => set('perpetratorDetail', value)}
          error={form.messageFor('perpetratorDetail')}
        />
        <CheckboxGroup
          id={id('perpetratorSectors')}
          legend={l('perpetratorSectors')}
          options={facetOptions(taxonomy, 'perpetrator_sector', label)}
          selected={draft.perpetratorSectors}
          onChange={(selected) => set('perpetratorSectors', selected)}
          error={groupError(form, 'perpetratorSectors')}
        />
        <CheckboxGroup
          id={id('grounds')}
          legend={l('grounds')}
          options={facetOptions(taxonomy, 'ground', label)}
          selected={draft.grounds}
          onChange={(selected) => set('grounds', selected)}
          error={groupError(form, 'grounds')}
        />
        <CheckboxGroup
          id={id('domains')}
          legend={l('domains')}
          options={facetOptions(taxonomy, 'domain', label)}
          selected={draft.domains}
          onChange={(selected) => set('domains', selected)}
          error={groupError(form, 'domains')}
        />
      </fieldset>
    </>
  );
}
