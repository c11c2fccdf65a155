import { Button } from 'design-react-kit';
import type { Language, UserSummary } from '../api/types.ts';
import { updateUser } from '../api/users.ts';
import { ErrorSummary } from '../common/ErrorSummary.tsx';
import { StatusMessage } from '../common/StatusMessage.tsx';
import { TextField } from '../common/TextField.tsx';
import { useDraftForm } from '../common/useDraftForm.ts';
import { controlFor, fieldId } from '../common/useFormErrors.ts';
import { useT } from '../i18n/useT.ts';
import { LanguageField } from './LanguageField.tsx';

const FORM = 'user-profile';

interface Props {
  user: UserSummary;
  onSaved: (user: UserSummary) => void;
}

export function UserProfileForm({ user, onSaved }: Props) {
  const t = useT();
  const { draft, set, saved, submitting, form, onSubmit } = useDraftForm({
    initial: { displayName: user.displayName, preferredLanguage: user.preferredLanguage },
    check: (current) =>
      current.displayName.trim()
        ? []
        : [{ field: 'displayName', message: t('bo.users.displayNameRequired') }],
    save: async (current) => {
      onSaved(
        await updateUser(user.id, {
          displayName: current.displayName.trim(),
          preferredLanguage: current.preferredLanguage,
        }),
      );
    },
  });
  const labels: Record<string, string> = {
    displayName: t('bo.users.field.displayName'),
    preferredLanguage: t('bo.users.field.language'),
  };

  return (
    <section className="mb-5">
      <h2 id="user-profile-heading" className="h3">
        {t('bo.users.profileSection')}
      </h2>
      <form noValidate onSubmit={onSubmit}>
        <ErrorSummary errors={form.errors} target={(field) => controlFor(FORM, labels, field)} />
        <StatusMessage message={saved ? t('bo.saved') : null} />
        <TextField
          id={fieldId(FORM, 'displayName')}
          label={labels.displayName ?? ''}
          required
          value={draft.displayName}
          onChange={(value) => set('displayName', value)}
          error={form.messageFor('displayName')}
        />
        <LanguageField
          id={fieldId(FORM, 'preferredLanguage')}
          value={draft.preferredLanguage}
          onChange={(value: Language) => set('preferredLanguage', value)}
          error={form.messageFor('preferredLanguage')}
        />
        <Button type="submit" color="primary" disabled={submitting}>
          {t('bo.users.saveProfile')}
        </Button>
      </form>
    </section>
  );
}
