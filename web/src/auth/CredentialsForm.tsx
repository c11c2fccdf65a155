import { Button } from 'design-react-kit';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { login } from '../api/auth.ts';
import type { FieldError } from '../api/client.ts';
import type { SessionUser } from '../api/types.ts';
import { ErrorSummary } from '../common/ErrorSummary.tsx';
import { TextField } from '../common/TextField.tsx';
import { controlFor, fieldId, useFormErrors } from '../common/useFormErrors.ts';
import { useT } from '../i18n/useT.ts';

const FORM = 'login';

interface CredentialsFormProps {
  email: string;
  onEmailChange: (email: string) => void;
  onSignedIn: (user: SessionUser) => void;
  onSecondFactorRequired: () => void;
}

export function CredentialsForm({
  email,
  onEmailChange,
  onSignedIn,
  onSecondFactorRequired,
}: CredentialsFormProps) {
  const t = useT();
  const form = useFormErrors();
  const [password, setPassword] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const labels: Record<string, string> = {
    email: t('bo.login.email'),
    password: t('bo.login.password'),
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems: FieldError[] = [];
    if (!email.trim()) problems.push({ field: 'email', message: t('bo.login.emailRequired') });
    if (!password) problems.push({ field: 'password', message: t('bo.login.passwordRequired') });
    if (problems.length > 0) {
      form.showFieldErrors(problems);
      return;
    }
    setSubmitting(true);
    try {
      const result = await login(email.trim(), password);
      form.clear();
      if (result.status === 'signed_in') onSignedIn(result.user);
      else onSecondFactorRequired();
    } catch (error) {
      // What was typed stays, except the password, which is never kept after a failure.
      setPassword('');
      form.showError(error);
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <form noValidate onSubmit={(event) => void submit(event)} aria-label={t('bo.login.title')}>
      <ErrorSummary errors={form.errors} target={(field) => controlFor(FORM, labels, field)} />
      <TextField
        id={fieldId(FORM, 'email')}
        label={labels.email ?? ''}
        type="email"
        autoComplete="username"
        required
        value={email}
        onChange={onEmailChange}
        error={form.messageFor('email')}
      />
      <TextField
        id={fieldId(FORM, 'password')}
        label={labels.password ?? ''}
        type="password"
        autoComplete="current-password"
        required
        value={password}
        onChange={setPassword}
        error={form.messageFor('password')}
      />
      <Button type="submit" color="primary" disabled={submitting}>
        {submitting ? t('bo.login.submitting') : t('bo.login.submit')}
      </Button>
    </form>
  );
}
