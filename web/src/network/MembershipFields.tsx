import { networkRoles } from '../api/organisations.ts';
import { SelectField } from '../common/SelectField.tsx';
import { TextField } from '../common/TextField.tsx';
import { fieldId } from '../common/useFormErrors.ts';
import { useT } from '../i18n/useT.ts';
import { useCodeLabel } from './labels.ts';
import { ORGANISATION_FORM } from './OrganisationFields.tsx';
import type { DraftProps } from './OrganisationFields.tsx';

type DateKey = 'networkJoinedOn' | 'networkLeftOn' | 'unarProtocolSignedOn';

/** Role in the network and UNAR protocol: only network administrators change them. */
export function MembershipFields({ draft, set, error }: DraftProps) {
  const t = useT();
  const label = useCodeLabel();
  const id = (field: string) => fieldId(ORGANISATION_FORM, field);
  const dateField = (field: DateKey) => (
    <TextField
      id={id(field)}
      type="date"
      label={t(`bo.network.field.${field}`)}
      value={draft[field]}
      onChange={(value) => set(field, value)}
      error={error(field)}
    />
  );
  return (
    <fieldset className="mb-4">
      <legend className="h4">{t('bo.network.section.membership')}</legend>
      <SelectField
        id={id('networkRole')}
        className="mb-4"
        label={t('bo.network.field.networkRole')}
        value={draft.networkRole}
        onChange={(value) => set('networkRole', value)}
        placeholder={t('bo.network.notMember')}
        options={networkRoles.map((role) => ({
          value: role,
          label: label('bo.network.role', role),
        }))}
        error={error('networkRole')}
      />
      {dateField('networkJoinedOn')}
      {dateField('networkLeftOn')}
      {dateField('unarProtocolSignedOn')}
      <TextField
        id={id('unarProtocolReference')}
        label={t('bo.network.field.unarProtocolReference')}
        value={draft.unarProtocolReference}
        onChange={(value) => set('unarProtocolReference', value)}
        error={error('unarProtocolReference')}
      />
    </fieldset>
  );
}
