import { Alert, Button } from 'design-react-kit';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { ApiError } from '../api/client.ts';
import type { FieldError } from '../api/client.ts';
import type { Language } from '../api/types.ts';
import { createUser } from '../api/users.ts';
import { describeError } from '../common/errors.ts';
import { ErrorSummary } from '../common/ErrorSummary.tsx';
import { Loading } from '../common/Loading.tsx';
import { PageHeading } from '../common/PageHeading.tsx';
import { checkNewPassword } from '../common/passwords.ts';
import { TextField } from '../common/TextField.tsx';
import { fieldId, useFormErrors } from '../common/useFormErrors.ts';
import { useT } from '../i18n/useT.ts';
import { LanguageField } from './LanguageField.tsx';
import {
  checkMemberships,
  membershipFieldLabel,
  newMembershipRow,
  toMembershipInputs,
} from './memberships.ts';
import type { MembershipRow } from './memberships.ts';
import { MembershipsEditor } from './MembershipsEditor.tsx';
import { useOrganisations } from './useOrganisations.ts';

const FORM = 'new-user';

export interface UserPageNotice {
  notice?: 'created';
}

export function CreateUserPage() {
  const t = useT();
  const navigate = useNavigate();
  const form = useFormErrors();
  const { organisations, loading, error: organisationsError } = useOrganisations();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [language, setLanguage] = useState<Language>('it');
  const [rows, setRows] = useState<MembershipRow[]>(() => [newMembershipRow()]);
  const [submitting, setSubmitting] = useState(false);

  const labels: Record<string, string> = {
    email: t('bo.users.field.email'),
    displayName: t('bo.users.field.displayName'),
    password: t('bo.users.field.password'),
    preferredLanguage: t('bo.users.field.language'),
  };
  const target = (field: string) => {
    const label = labels[field] ?? membershipFieldLabel(field, t);
    return label ? { id: fieldId(FORM, field), label } : null;
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems: FieldError[] = [];
    if (!/^[^\s@]+@[^\s@]+$/.test(email.trim())) {
      problems.push({ field: 'email', message: t('bo.users.emailInvalid') });
    }
    if (!displayName.trim()) {
      problems.push({ field: 'displayName', message: t('bo.users.displayNameRequired') });
    }
    problems.push(...checkNewPassword('password', password, t));
    problems.push(...checkMemberships(rows, t));
    if (problems.length > 0) {
      form.showFieldErrors(problems);
      return;
    }
    setSubmitting(true);
    try {
      const created = await createUser({
        email: email.trim(),
        displayName: displayName.trim(),
        password,
        preferredLanguage: language,
        memberships: toMembershipInputs(rows),
      });
      const state: UserPageNotice = { notice: 'created' };
      void navigate(`/users/${encodeURIComponent(created.id)}`, { state });
    } catch (error) {
      // A conflict is the e-mail already in use; say so by the field if the server did not.
      const taken =
        error instanceof ApiError &&
        error.code === 'conflict' &&
        !error.fields.some((f) => f.field === 'email')
          ? [{ field: 'email', message: t('bo.users.emailTaken') }]
          : [];
      form.showError(error, taken);
      setSubmitting(false);
    }
  }

  return (
    <>
      <PageHeading title={t('bo.users.createTitle')} />
      <p>
        <Link to="/users">{t('bo.users.backToList')}</Link>
      </p>
      {loading && <Loading label={t('bo.organisations.loading')} />}
      {Boolean(organisationsError) && (
        <Alert color="danger" fade={false}>
          {describeError(organisationsError, t)}
        </Alert>
      )}
      <form noValidate onSubmit={(event) => void submit(event)}>
        <ErrorSummary errors={form.errors} target={target} />
        <TextField
          id={fieldId(FORM, 'email')}
          label={labels.email ?? ''}
          type="email"
          autoComplete="off"
          required
          value={email}
          onChange={setEmail}
          error={form.messageFor('email')}
        />
        <TextField
          id={fieldId(FORM, 'displayName')}
          label={labels.displayName ?? ''}
          autoComplete="off"
          required
          value={displayName}
          onChange={setDisplayName}
          error={form.messageFor('displayName')}
        />
        <TextField
          id={fieldId(FORM, 'password')}
          label={labels.password ?? ''}
          type="password"
          autoComplete="new-password"
          required
          hint={t('bo.password.hint')}
          value={password}
          onChange={setPassword}
          error={form.messageFor('password')}
        />
        <LanguageField
          id={fieldId(FORM, 'preferredLanguage')}
          value={language}
          onChange={setLanguage}
          error={form.messageFor('preferredLanguage')}
        />
        <MembershipsEditor
          formId={FORM}
          rows={rows}
          onChange={setRows}
          organisations={organisations}
          messageFor={form.messageFor}
        />
        <Button type="submit" color="primary" disabled={submitting}>
          {t('bo.users.createSubmit')}
        </Button>
      </form>
    </>
  );
}
