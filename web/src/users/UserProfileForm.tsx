import { Button } from 'design-react-kit';
import { useState } from 'react';
import type { FormEvent } from 'react';
import type { Language, UserSummary } from '../api/types.ts';
import { updateUser } from '../api/users.ts';
import { ErrorSummary } from '../common/ErrorSummary.tsx';
import { StatusMessage } from '../common/StatusMessage.tsx';
import { TextField } from '../common/TextField.tsx';
import { controlFor, fieldId, useFormErrors } from '../common/useFormErrors.ts';
import { useT } from '../i18n/useT.ts';
import { LanguageField } from './LanguageField.tsx';

const FORM = 'user-profile';

interface Props {
  user: UserSummary;
  onSaved: (user: UserSummary) => void;
}

export function UserProfileForm({ user, onSaved }: Props) {
  const t = useT();
  const form = useFormErrors();
  const [displayName, setDisplayName] = useState(user.displayName);
  const [language, setLanguage] = useState<Language>(user.preferredLanguage);
  const [saved, setSaved] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const labels: Record<string, string> = {
    displayName: t('bo.users.field.displayName'),
    preferredLanguage: t('bo.users.field.language'),
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    if (!displayName.trim()) {
      form.showFieldErrors([{ field: 'displayName', message: t('bo.users.displayNameRequired') }]);
      return;
    }
    setSubmitting(true);
    try {
      const updated = await updateUser(user.id, {
        displayName: displayName.trim(),
        preferredLanguage: language,
      });
      form.clear();
      setSaved(true);
      onSaved(updated);
    } catch (error) {
      form.showError(error);
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <section className="mb-5">
      <h2 id="user-profile-heading" className="h3">
        {t('bo.users.profileSection')}
      </h2>
      <form noValidate onSubmit={(event) => void submit(event)}>
        <ErrorSummary errors={form.errors} target={(field) => controlFor(FORM, labels, field)} />
        <StatusMessage message={saved ? t('bo.saved') : null} />
        <TextField
          id={fieldId(FORM, 'displayName')}
          label={labels.displayName ?? ''}
          required
          value={displayName}
          onChange={setDisplayName}
          error={form.messageFor('displayName')}
        />
        <LanguageField
          id={fieldId(FORM, 'preferredLanguage')}
          value={language}
          onChange={setLanguage}
          error={form.messageFor('preferredLanguage')}
        />
        <Button type="submit" color="primary" disabled={submitting}>
          {t('bo.users.saveProfile')}
        </Button>
      </form>
    </section>
  );
}
