import { Button } from 'design-react-kit';
import { useNavigate } from 'react-router-dom';
import { createOrganisation, updateOrganisation } from '../api/organisations.ts';
import type { OrganisationDetail } from '../api/organisations.ts';
import { ErrorSummary } from '../common/ErrorSummary.tsx';
import { StatusMessage } from '../common/StatusMessage.tsx';
import { useDraftForm } from '../common/useDraftForm.ts';
import { fieldId } from '../common/useFormErrors.ts';
import { useT } from '../i18n/useT.ts';
import { targetFor } from './fieldTargets.ts';
import { MembershipFields } from './MembershipFields.tsx';
import { MunicipalityPicker } from './MunicipalityPicker.tsx';
import { ORGANISATION_FORM, OrganisationFields } from './OrganisationFields.tsx';
import type { OrganisationDraft } from './organisationForm.ts';
import { checkDraft, draftOf, inputOf, withoutMembership } from './organisationForm.ts';
import { useIntl } from 'react-intl';

interface Props {
  organisation: OrganisationDetail | null;
  canManageMembership: boolean;
  onSaved: (organisation: OrganisationDetail) => void;
}

export function OrganisationForm({ organisation, canManageMembership, onSaved }: Props) {
  const t = useT();
  const intl = useIntl();
  const navigate = useNavigate();
  const { draft, set, saved, submitting, form, onSubmit } = useDraftForm<OrganisationDraft>({
    initial: () => draftOf(organisation),
    check: (current) => checkDraft(current, t),
    save: async (current) => {
      const input = inputOf(current);
      if (organisation) {
        onSaved(
          await updateOrganisation(
            organisation.id,
            canManageMembership ? input : withoutMembership(input),
          ),
        );
      } else {
        const created = await createOrganisation(input);
        void navigate(`/network/organisations/${created.id}`);
      }
    },
  });

  function label(path: string): string | undefined {
    if (path === 'municipalityCode') return t('bo.network.field.seat');
    if (path.startsWith('territoryCodes')) return t('bo.network.field.territories');
    const id = `bo.network.field.${path}`;
    return id in intl.messages ? t(id) : undefined;
  }
  const error = (field: string) => form.messageFor(field);

  const territoriesId = fieldId(ORGANISATION_FORM, 'territoryCodes');
  return (
    <form noValidate onSubmit={onSubmit} className="mb-5">
      <ErrorSummary
        errors={form.errors}
        target={(field) => targetFor(ORGANISATION_FORM, label, field)}
      />
      <StatusMessage message={saved ? t('bo.saved') : null} />
      <OrganisationFields draft={draft} set={set} error={error} canManage={canManageMembership} />
      <h2 className="h4">{t('bo.network.section.territory')}</h2>
      <MunicipalityPicker
        id={fieldId(ORGANISATION_FORM, 'municipalityCode')}
        legend={t('bo.network.field.seat')}
        single
        chosen={draft.seat}
        onChange={(value) => set('seat', value)}
        error={error('municipalityCode')}
      />
      <MunicipalityPicker
        id={territoriesId}
        legend={t('bo.network.field.territories')}
        chosen={draft.territories}
        onChange={(value) => set('territories', value)}
        error={error('territoryCodes')}
        itemError={(index) => error(`territoryCodes.${index}`)}
      />
      {canManageMembership && <MembershipFields draft={draft} set={set} error={error} canManage />}
      <Button type="submit" color="primary" disabled={submitting}>
        {organisation ? t('bo.network.save') : t('bo.network.createSubmit')}
      </Button>
    </form>
  );
}
