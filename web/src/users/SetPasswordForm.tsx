import { Button } from 'design-react-kit';
import type { UserSummary } from '../api/types.ts';
import { setUserPassword } from '../api/users.ts';
import { ErrorSummary } from '../common/ErrorSummary.tsx';
import { StatusMessage } from '../common/StatusMessage.tsx';
import { checkNewPassword } from '../common/passwords.ts';
import { TextField } from '../common/TextField.tsx';
import { useDraftForm } from '../common/useDraftForm.ts';
import { controlFor, fieldId } from '../common/useFormErrors.ts';
import { useT } from '../i18n/useT.ts';

const FORM = 'user-password';

export function SetPasswordForm({ user }: { user: UserSummary }) {
  const t = useT();
  const { draft, setDraft, saved, submitting, form, onSubmit } = useDraftForm({
    initial: '',
    check: (password) => checkNewPassword('password', password, t),
    save: (password) => setUserPassword(user.id, password),
    afterSave: () => '',
  });
  const label = t('bo.users.field.newPassword');

  return (
    <section className="mb-5">
      <h2 id="user-password-heading" className="h3">
        {t('bo.users.passwordSection')}
      </h2>
      <form noValidate onSubmit={onSubmit}>
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
          value={draft}
          onChange={setDraft}
          error={form.messageFor('password')}
        />
        <Button type="submit" color="primary" disabled={submitting}>
          {t('bo.users.setPassword')}
        </Button>
      </form>
    </section>
  );
}
