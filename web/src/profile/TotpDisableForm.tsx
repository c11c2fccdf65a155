import { Button } from 'design-react-kit';
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { disableTotp } from '../api/auth.ts';
import { ErrorSummary } from '../common/ErrorSummary.tsx';
import { TextField } from '../common/TextField.tsx';
import { controlFor, fieldId, useFormErrors } from '../common/useFormErrors.ts';
import { useT } from '../i18n/useT.ts';

const FORM = 'totp-disable';

interface Props {
  onDisabled: () => Promise<void>;
  onCancel: () => void;
}

/** Turning the second factor off asks for the password, so an unattended session cannot. */
export function TotpDisableForm({ onDisabled, onCancel }: Props) {
  const t = useT();
  const form = useFormErrors();
  const [password, setPassword] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const label = t('bo.profile.totp.password');

  useEffect(() => document.getElementById(fieldId(FORM, 'password'))?.focus(), []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!password) {
      form.showFieldErrors([{ field: 'password', message: t('bo.login.passwordRequired') }]);
      return;
    }
    setSubmitting(true);
    try {
      await disableTotp(password);
      await onDisabled();
    } catch (error) {
      setPassword('');
      form.showError(error);
      setSubmitting(false);
    }
  }

  return (
    <form noValidate onSubmit={(event) => void submit(event)}>
      <ErrorSummary
        errors={form.errors}
        target={(field) => controlFor(FORM, { password: label }, field)}
      />
      <p>{t('bo.profile.totp.disableIntro')}</p>
      <TextField
        id={fieldId(FORM, 'password')}
        label={label}
        type="password"
        autoComplete="current-password"
        required
        value={password}
        onChange={setPassword}
        error={form.messageFor('password')}
      />
      <div className="d-flex flex-wrap gap-3">
        <Button type="submit" color="danger" disabled={submitting}>
          {t('bo.profile.totp.disableConfirm')}
        </Button>
        <Button type="button" color="secondary" outline onClick={onCancel}>
          {t('bo.cancel')}
        </Button>
      </div>
    </form>
  );
}
