import { Button } from 'design-react-kit';
import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { enableTotp } from '../api/auth.ts';
import type { TotpSetup } from '../api/types.ts';
import { TOTP_CODE } from '../auth/SecondFactorForm.tsx';
import { ErrorSummary } from '../common/ErrorSummary.tsx';
import { TextField } from '../common/TextField.tsx';
import { controlFor, fieldId, useFormErrors } from '../common/useFormErrors.ts';
import { useT } from '../i18n/useT.ts';
import { svgDataUri } from '../common/svg-images.tsx';

const FORM = 'totp-enable';

interface Props {
  setup: TotpSetup;
  onEnabled: () => Promise<void>;
  onCancel: () => void;
}

export function TotpEnrolment({ setup, onEnabled, onCancel }: Props) {
  const t = useT();
  const form = useFormErrors();
  const [code, setCode] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const label = t('bo.profile.totp.code');

  useEffect(() => headingRef.current?.focus(), []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const trimmed = code.replace(/\s/g, '');
    if (!TOTP_CODE.test(trimmed)) {
      form.showFieldErrors([{ field: 'code', message: t('validation.totp_code') }]);
      return;
    }
    setSubmitting(true);
    try {
      await enableTotp(trimmed);
      await onEnabled();
    } catch (error) {
      setCode('');
      form.showError(error);
      setSubmitting(false);
    }
  }

  return (
    <div className="bo-totp-setup">
      <h3 ref={headingRef} tabIndex={-1} className="h5">
        {t('bo.profile.totp.setupTitle')}
      </h3>
      <ol>
        <li>{t('bo.profile.totp.step1')}</li>
        <li>{t('bo.profile.totp.step2')}</li>
      </ol>
      <img
        src={svgDataUri(setup.qrSvg)}
        alt={t('bo.profile.totp.qrAlt')}
        width={200}
        height={200}
        className="bo-qr d-block mb-3"
      />
      <p>
        {t('bo.profile.totp.manual')}{' '}
        <code className="bo-secret" data-testid="totp-secret">
          {setup.secret}
        </code>
      </p>
      <form noValidate onSubmit={(event) => void submit(event)}>
        <ErrorSummary
          errors={form.errors}
          target={(field) => controlFor(FORM, { code: label }, field)}
        />
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
            {t('bo.profile.totp.confirm')}
          </Button>
          <Button type="button" color="secondary" outline onClick={onCancel}>
            {t('bo.cancel')}
          </Button>
        </div>
      </form>
    </div>
  );
}
