import { Button } from 'design-react-kit';
import { useIntl } from 'react-intl';
import { useNavigate } from 'react-router-dom';
import { createHelpDesk, updateHelpDesk } from '../api/help-desks.ts';
import type { HelpDesk } from '../api/help-desks.ts';
import { ErrorSummary } from '../common/ErrorSummary.tsx';
import { StatusMessage } from '../common/StatusMessage.tsx';
import { useDraftForm } from '../common/useDraftForm.ts';
import { fieldId } from '../common/useFormErrors.ts';
import { useT } from '../i18n/useT.ts';
import { targetFor } from './fieldTargets.ts';
import { HELP_DESK_FORM, HelpDeskFields } from './HelpDeskFields.tsx';
import type { HelpDeskDraft } from './helpDeskForm.ts';
import { checkHelpDeskDraft, helpDeskDraftOf, helpDeskInputOf } from './helpDeskForm.ts';
import { MunicipalityPicker } from './MunicipalityPicker.tsx';
import { OpeningHoursEditor } from './OpeningHoursEditor.tsx';

interface Props {
  desk: HelpDesk | null;
  organisationId: string;
  onSaved: (desk: HelpDesk) => void;
}

export function HelpDeskForm({ desk, organisationId, onSaved }: Props) {
  const t = useT();
  const intl = useIntl();
  const navigate = useNavigate();
  const { draft, set, saved, submitting, form, onSubmit } = useDraftForm<HelpDeskDraft>({
    initial: () => helpDeskDraftOf(desk),
    check: (current) => checkHelpDeskDraft(current, t),
    save: async (current) => {
      const input = helpDeskInputOf(current, desk?.organisationId ?? organisationId);
      if (desk) {
        // The organisation is fixed once the desk exists: only the other fields are changed.
        const changes = Object.fromEntries(
          Object.entries(input).filter(([key]) => key !== 'organisationId'),
        );
        onSaved(await updateHelpDesk(desk.id, changes));
      } else {
        const created = await createHelpDesk(input);
        void navigate(`/network/help-desks/${created.id}`);
      }
    },
  });

  function label(path: string): string | undefined {
    const weekday = /^openingHours\.weekly\.(\d)(?:\.(\d+)\.(opens|closes))?/.exec(path);
    if (weekday) {
      const day = t(`bo.network.weekday.${weekday[1]}`);
      const n = Number(weekday[2] ?? 0) + 1;
      return weekday[3] ? `${day}, ${t(`bo.network.hours.${weekday[3]}`, { n })}` : day;
    }
    if (path.startsWith('openingHours')) return t('bo.network.section.hours');
    if (path === 'municipalityCode') return t('bo.network.field.seat');
    if (path.startsWith('competentMunicipalityCodes')) return t('bo.network.field.competent');
    const id = `bo.network.field.${path.split('.')[0] ?? ''}`;
    return id in intl.messages ? t(id) : undefined;
  }
  const error = (field: string) => form.messageFor(field);

  return (
    <form noValidate onSubmit={onSubmit} className="mb-5">
      <ErrorSummary
        errors={form.errors}
        target={(field) => targetFor(HELP_DESK_FORM, label, field)}
      />
      <StatusMessage message={saved ? t('bo.saved') : null} />
      <HelpDeskFields draft={draft} set={set} error={error} />
      <MunicipalityPicker
        id={fieldId(HELP_DESK_FORM, 'municipalityCode')}
        legend={t('bo.network.field.seat')}
        single
        chosen={draft.seat}
        onChange={(value) => set('seat', value)}
        error={error('municipalityCode')}
      />
      <MunicipalityPicker
        id={fieldId(HELP_DESK_FORM, 'competentMunicipalityCodes')}
        legend={t('bo.network.field.competent')}
        chosen={draft.competent}
        onChange={(value) => set('competent', value)}
        error={error('competentMunicipalityCodes')}
        itemError={(index) => error(`competentMunicipalityCodes.${index}`)}
      />
      <OpeningHoursEditor
        form={HELP_DESK_FORM}
        hours={draft.hours}
        onChange={(hours) => set('hours', hours)}
        error={error}
      />
      <Button type="submit" color="primary" disabled={submitting}>
        {desk ? t('bo.network.save') : t('bo.network.helpDesks.createSubmit')}
      </Button>
    </form>
  );
}
