import { Button } from 'design-react-kit';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { changePassword } from '../api/auth.ts';
import type { FieldError } from '../api/client.ts';
import { ErrorSummary } from '../common/ErrorSummary.tsx';
import { checkNewPassword } from '../common/passwords.ts';
import { StatusMessage } from '../common/StatusMessage.tsx';
import { TextField } from '../common/TextField.tsx';
import { controlFor, fieldId, useFormErrors } from '../common/useFormErrors.ts';
import { useT } from '../i18n/useT.ts';

const FORM = 'change-password';

export function ChangePasswordForm() {
  const t = useT();
  const form = useFormErrors();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [saved, setSaved] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const labels: Record<string, string> = {
    currentPassword: t('bo.profile.currentPassword'),
    newPassword: t('bo.profile.newPassword'),
    confirmation: t('bo.profile.confirmPassword'),
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const problems: FieldError[] = [];
    if (!currentPassword) {
      problems.push({ field: 'currentPassword', message: t('bo.profile.currentRequired') });
    }
    problems.push(...checkNewPassword('newPassword', newPassword, t));
    if (confirmation !== newPassword) {
      problems.push({ field: 'confirmation', message: t('bo.profile.mismatch') });
    }
    if (problems.length > 0) {
      form.showFieldErrors(problems);
      return;
    }
    setSubmitting(true);
    try {
      await changePassword(currentPassword, newPassword);
      form.clear();
      setSaved(true);
    } catch (error) {
      form.showError(error);
    } finally {
      // Passwords are never kept in the page longer than needed.
      setCurrentPassword('');
      setNewPassword('');
      setConfirmation('');
      setSubmitting(false);
    }
  }

  return (
    <section className="mb-5">
      <h2 id="change-password-heading" className="h3">
        {t('bo.profile.passwordSection')}
      </h2>
      <form noValidate onSubmit={(event) => void submit(event)}>
        <ErrorSummary errors={form.errors} target={(field) => controlFor(FORM, labels, field)} />
        <StatusMessage message={saved ? t('bo.profile.passwordChanged') : null} />
        <TextField
          id={fieldId(FORM, 'currentPassword')}
          label={labels.currentPassword ?? ''}
          type="password"
          autoComplete="current-password"
          required
          value={currentPassword}
          onChange={setCurrentPassword}
          error={form.messageFor('currentPassword')}
        />
        <TextField
          id={fieldId(FORM, 'newPassword')}
          label={labels.newPassword ?? ''}
          type="password"
          autoComplete="new-password"
          required
          hint={t('bo.password.hint')}
          value={newPassword}
          onChange={setNewPassword}
          error={form.messageFor('newPassword')}
        />
        <TextField
          id={fieldId(FORM, 'confirmation')}
          label={labels.confirmation ?? ''}
          type="password"
          autoComplete="new-password"
          required
          value={confirmation}
          onChange={setConfirmation}
          error={form.messageFor('confirmation')}
        />
        <Button type="submit" color="primary" disabled={submitting}>
          {t('bo.profile.changePassword')}
        </Button>
      </form>
    </section>
  );
}
