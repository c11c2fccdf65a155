import { Button } from 'design-react-kit';
import { victimProfileFields, victimProfileOptions } from '../../../src/core/cases/vocabularies.ts';
import { setVictimProfile } from '../api/cases.ts';
import type { CaseDetail, VictimProfile } from '../api/cases.ts';
import { ErrorSummary } from '../common/ErrorSummary.tsx';
import { SelectField } from '../common/SelectField.tsx';
import { StatusMessage } from '../common/StatusMessage.tsx';
import { useDraftForm } from '../common/useDraftForm.ts';
import { fieldId } from '../common/useFormErrors.ts';
import { useT } from '../i18n/useT.ts';
import type { CaseState } from './useCase.ts';

const FORM = 'case-victim-profile';

type Draft = Record<keyof VictimProfile, string>;

interface Props {
  detail: CaseDetail;
  change: CaseState['change'];
}

/**
 * The pseudonymous equality data. "Not asked" (no answer, sent as null) differs from "prefer
 * not to say", an answer the person gave.
 */
export function VictimProfileForm({ detail, change }: Props) {
  const t = useT();
  const editor = useDraftForm<Draft>({
    initial: () =>
      Object.fromEntries(
        victimProfileFields.map((field) => [field, detail.victimProfile?.[field] ?? '']),
      ) as Draft,
    save: async (draft) => {
      const profile = Object.fromEntries(
        victimProfileFields.map((field) => [field, draft[field] || null]),
      ) as unknown as VictimProfile;
      await change((rowVersion) => setVictimProfile(detail.id, { ...profile, rowVersion }));
    },
  });
  const { draft, set, form } = editor;
  const label = (field: string) => t(`bo.cases.victim.${field}`);
  return (
    <section aria-labelledby="case-victim" className="mb-5">
      <h2 id="case-victim" className="h3">
        {t('bo.cases.victim.title')}
      </h2>
      <p>{t('bo.cases.victim.intro')}</p>
      <StatusMessage message={editor.saved ? t('bo.cases.victim.saved') : null} />
      <form noValidate onSubmit={editor.onSubmit}>
        <ErrorSummary
          errors={form.errors}
          target={(field) =>
            (victimProfileFields as string[]).includes(field)
              ? { id: fieldId(FORM, field), label: label(field) }
              : null
          }
        />
        <div className="row">
          {victimProfileFields.map((field) => (
            <SelectField
              key={field}
              id={fieldId(FORM, field)}
              className="col-md-6 mb-3"
              label={label(field)}
              value={draft[field]}
              onChange={(value) => set(field, value)}
              placeholder={t('bo.cases.victim.notAsked')}
              options={victimProfileOptions[field].map((option) => ({
                value: option,
                label:
                  option === 'prefer_not_to_say'
                    ? t('bo.cases.victim.preferNotToSay')
                    : t(`bo.cases.victim.${field}.${option}`),
              }))}
              error={form.messageFor(field)}
            />
          ))}
        </div>
        <Button type="submit" color="primary" disabled={editor.submitting}>
          {t('bo.cases.victim.submit')}
        </Button>
      </form>
    </section>
  );
}
