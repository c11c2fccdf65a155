import { Button } from 'design-react-kit';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { submitSecondFactor } from '../api/auth.ts';
import type { SessionUser } from '../api/types.ts';
import { ErrorSummary } from '../common/ErrorSummary.tsx';
import { TextField } from '../common/TextField.tsx';
import { controlFor, fieldId, useFormErrors } from '../common/useFormErrors.ts';
import { useT } from '../i18n/useT.ts';

const FORM = 'second-factor';
export const TOTP_CODE = /^\d{6}$/;

interface SecondFactorFormProps {
  onSignedIn: (user: SessionUser) => void;
  onRestart: () => void;
}

export function SecondFactorForm({ onSignedIn, onRestart }: SecondFactorFormProps) {
  const t = useT();
  const form = useFormErrors();
  const [code, setCode] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const label = t('bo.login.code');

  async function submit(event: FormEvent) {
    event.preventDefault();
    const trimmed = code.replace(/\s/g, '');
    if (!TOTP_CODE.test(trimmed)) {
      form.showFieldErrors([{ field: 'code', message: t('validation.totp_code') }]);
      return;
    }
    setSubmitting(true);
    try {
      onSignedIn(await submitSecondFactor(trimmed));
    } catch (error) {
      setCode('');
      form.showError(error);
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <form
      noValidate
      onSubmit={(event) => void submit(event)}
      aria-label={t('bo.login.secondFactorTitle')}
    >
      <ErrorSummary
        errors={form.errors}
        target={(field) => controlFor(FORM, { code: label }, field)}
      />
      <p>{t('bo.login.secondFactorIntro')}</p>
      <TextField
        id={fieldId(FORM, 'code')}
        label={label}
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={6}
        required
        value={code}
        onChange={setCode}
        error={form.messageFor('code')}
      />
      <div className="d-flex flex-wrap gap-3">
        <Button type="submit" color="primary" disabled={submitting}>
          {t('bo.login.verify')}
        </Button>
        <Button type="button" color="secondary" outline onClick={onRestart}>
          {t('bo.login.restart')}
        </Button>
      </div>
    </form>
  );
}
