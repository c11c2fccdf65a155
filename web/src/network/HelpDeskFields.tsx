import {
  accessModes,
  accessibilityFeatures,
  commonLanguages,
  helpDeskChannels,
  helpDeskServices,
} from '../../../src/core/help-desk.ts';
import { SelectField } from '../common/SelectField.tsx';
import { TextField } from '../common/TextField.tsx';
import { fieldId } from '../common/useFormErrors.ts';
import { useT } from '../i18n/useT.ts';
import { CheckboxGroup } from './CheckboxGroup.tsx';
import type { HelpDeskDraft } from './helpDeskForm.ts';
import { useCodeLabel } from './labels.ts';

export const HELP_DESK_FORM = 'help-desk';

export interface HelpDeskDraftProps {
  draft: HelpDeskDraft;
  set: <K extends keyof HelpDeskDraft>(key: K, value: HelpDeskDraft[K]) => void;
  error: (field: string) => string | undefined;
}

type TextKey =
  | 'name'
  | 'description'
  | 'address'
  | 'postalCode'
  | 'latitude'
  | 'longitude'
  | 'phone'
  | 'email'
  | 'website'
  | 'onlineUrl';

/** Contacts and what the desk offers. */
export function HelpDeskFields({ draft, set, error }: HelpDeskDraftProps) {
  const t = useT();
  const label = useCodeLabel();
  const id = (field: string) => fieldId(HELP_DESK_FORM, field);
  const textField = (field: TextKey) => (
    <TextField
      id={id(field)}
      label={t(`bo.network.field.${field}`)}
      value={draft[field]}
      onChange={(value) => set(field, value)}
      error={error(field)}
      required={field === 'name'}
      {...(field === 'email' ? { type: 'email' as const } : {})}
    />
  );
  const options = (prefix: string, codes: readonly string[]) =>
    codes.map((code) => ({ value: code, label: label(prefix, code) }));
  return (
    <>
      <fieldset className="mb-4">
        <legend className="h4">{t('bo.network.section.identity')}</legend>
        {textField('name')}
        {textField('description')}
        <SelectField
          id={id('status')}
          className="mb-4"
          label={t('bo.network.field.status')}
          value={draft.status}
          onChange={(value) => set('status', value)}
          options={['active', 'inactive'].map((status) => ({
            value: status,
            label: t(`bo.network.status.${status}`),
          }))}
          error={error('status')}
        />
      </fieldset>
      <fieldset className="mb-4">
        <legend className="h4">{t('bo.network.section.contacts')}</legend>
        {textField('phone')}
        {textField('email')}
        {textField('website')}
        {textField('onlineUrl')}
        {textField('address')}
        {textField('postalCode')}
        <div className="row">
          <div className="col-md-6">{textField('latitude')}</div>
          <div className="col-md-6">{textField('longitude')}</div>
        </div>
      </fieldset>
      <CheckboxGroup
        id={id('channels')}
        legend={t('bo.network.field.channels')}
        options={options('network.channel', helpDeskChannels)}
        selected={draft.channels}
        onChange={(value) => set('channels', value)}
        error={error('channels')}
      />
      <CheckboxGroup
        id={id('services')}
        legend={t('bo.network.field.services')}
        options={options('network.service', helpDeskServices)}
        selected={draft.services}
        onChange={(value) => set('services', value)}
        error={error('services')}
      />
      <CheckboxGroup
        id={id('languages')}
        legend={t('bo.network.field.languages')}
        options={options('network.language', commonLanguages)}
        selected={draft.languages}
        onChange={(value) => set('languages', value)}
        error={error('languages')}
      />
      <TextField
        id={id('otherLanguages')}
        label={t('bo.network.field.otherLanguages')}
        hint={t('bo.network.otherLanguagesHint')}
        value={draft.otherLanguages}
        onChange={(value) => set('otherLanguages', value)}
      />
      <CheckboxGroup
        id={id('accessibility')}
        legend={t('bo.network.field.accessibility')}
        options={options('network.accessibility', accessibilityFeatures)}
        selected={draft.accessibility}
        onChange={(value) => set('accessibility', value)}
        error={error('accessibility')}
      />
      <SelectField
        id={id('accessMode')}
        className="mb-4"
        label={t('bo.network.field.accessMode')}
        value={draft.accessMode}
        onChange={(value) => set('accessMode', value as HelpDeskDraft['accessMode'])}
        options={options('network.access_mode', accessModes)}
        error={error('accessMode')}
      />
    </>
  );
}
