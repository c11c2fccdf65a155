import { organisationKinds } from '../api/organisations.ts';
import { SelectField } from '../common/SelectField.tsx';
import { TextField } from '../common/TextField.tsx';
import { fieldId } from '../common/useFormErrors.ts';
import { useT } from '../i18n/useT.ts';
import { useCodeLabel } from './labels.ts';
import type { OrganisationDraft } from './organisationForm.ts';

export const ORGANISATION_FORM = 'organisation';

export interface DraftProps {
  draft: OrganisationDraft;
  set: <K extends keyof OrganisationDraft>(key: K, value: OrganisationDraft[K]) => void;
  error: (field: string) => string | undefined;
  /** Status, like membership, is changed only by network administrators. */
  canManage: boolean;
}

type TextKey = 'description' | 'website' | 'email' | 'phone' | 'address' | 'postalCode';

/** Identity and contacts of an organisation. */
export function OrganisationFields({ draft, set, error, canManage }: DraftProps) {
  const t = useT();
  const label = useCodeLabel();
  const id = (field: string) => fieldId(ORGANISATION_FORM, field);
  const textField = (field: TextKey | 'latitude' | 'longitude', type?: 'email') => (
    <TextField
      id={id(field)}
      label={t(`bo.network.field.${field}`)}
      value={draft[field]}
      onChange={(value) => set(field, value)}
      error={error(field)}
      {...(type ? { type } : {})}
      {...(field === 'latitude' || field === 'longitude' ? { inputMode: 'decimal' as const } : {})}
    />
  );
  return (
    <>
      <fieldset className="mb-4">
        <legend className="h4">{t('bo.network.section.identity')}</legend>
        <TextField
          id={id('name')}
          label={t('bo.network.field.name')}
          required
          value={draft.name}
          onChange={(value) => set('name', value)}
          error={error('name')}
        />
        <SelectField
          id={id('kind')}
          className="mb-4"
          label={t('bo.network.field.kind')}
          required
          value={draft.kind}
          onChange={(value) => set('kind', value)}
          placeholder={t('bo.network.choose')}
          options={organisationKinds.map((kind) => ({
            value: kind,
            label: label('bo.network.kind', kind),
          }))}
          error={error('kind')}
        />
        {canManage && (
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
        )}
        {textField('description')}
        {textField('website')}
      </fieldset>
      <fieldset className="mb-4">
        <legend className="h4">{t('bo.network.section.contacts')}</legend>
        {textField('email', 'email')}
        {textField('phone')}
        {textField('address')}
        {textField('postalCode')}
        <div className="row">
          <div className="col-md-6">{textField('latitude')}</div>
          <div className="col-md-6">{textField('longitude')}</div>
        </div>
      </fieldset>
    </>
  );
}
