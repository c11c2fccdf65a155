import { Button } from 'design-react-kit';
import { useState } from 'react';
import type { FormEvent } from 'react';
import type { UserSummary } from '../api/types.ts';
import { setUserPassword } from '../api/users.ts';
import { ErrorSummary } from '../common/ErrorSummary.tsx';
import { StatusMessage } from '../common/StatusMessage.tsx';
import { checkNewPassword } from '../common/passwords.ts';
import { TextField } from '../common/TextField.tsx';
import { controlFor, fieldId, useFormErrors } from '../common/useFormErrors.ts';
import { useT } from '../i18n/useT.ts';

const FORM = 'user-password';

export function SetPasswordForm({ user }: { user: UserSummary }) {
  const t = useT();
  const form = useFormErrors();
  const [password, setPassword] = useState('');
  const [saved, setSaved] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const label = t('bo.users.field.newPassword');

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const problems = checkNewPassword('password', password, t);
    if (problems.length > 0) {
      form.showFieldErrors(problems);
      return;
    }
    setSubmitting(true);
    try {
      await setUserPassword(user.id, password);
      form.clear();
      setPassword('');
      setSaved(true);
    } catch (error) {
      form.showError(error);
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <section className="mb-5">
      <h2 id="user-password-heading" className="h3">
        {t('bo.users.passwordSection')}
      </h2>
      <form noValidate onSubmit={(event) => void submit(event)}>
        <ErrorSummary
          errors={form.errors}
          target={(field) => controlFor(FORM, { password: label }, field)}
        />
        <StatusMessage message={saved ? t('bo.users.passwordSet') : null} />
        <TextField
          id={fieldId(FORM, 'password')}
          label={label}
          type="password"
          autoComplete="new-password"
          required
          hint={t('bo.password.hint')}
          value={password}
          onChange={setPassword}
          error={form.messageFor('password')}
        />
        <Button type="submit" color="primary" disabled={submitting}>
          {t('bo.users.setPassword')}
        </Button>
      </form>
    </section>
  );
}
