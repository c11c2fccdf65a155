import { Alert, Button } from 'design-react-kit';
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
import { useDraftForm } from '../common/useDraftForm.ts';
import { fieldId } from '../common/useFormErrors.ts';
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

interface NewUserDraft {
  email: string;
  displayName: string;
  password: string;
  preferredLanguage: Language;
  rows: MembershipRow[];
}

export interface UserPageNotice {
  notice?: 'created';
}

export function CreateUserPage() {
  const t = useT();
  const navigate = useNavigate();
  const { organisations, loading, error: organisationsError } = useOrganisations();
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

  const { draft, set, submitting, form, onSubmit } = useDraftForm<NewUserDraft>({
    initial: () => ({
      email: '',
      displayName: '',
      password: '',
      preferredLanguage: 'it',
      rows: [newMembershipRow()],
    }),
    check: (current) => {
      const problems: FieldError[] = [];
      if (!/^[^\s@]+@[^\s@]+$/.test(current.email.trim())) {
        problems.push({ field: 'email', message: t('bo.users.emailInvalid') });
      }
      if (!current.displayName.trim()) {
        problems.push({ field: 'displayName', message: t('bo.users.displayNameRequired') });
      }
      problems.push(...checkNewPassword('password', current.password, t));
      problems.push(...checkMemberships(current.rows, t));
      return problems;
    },
    save: async (current) => {
      const created = await createUser({
        email: current.email.trim(),
        displayName: current.displayName.trim(),
        password: current.password,
        preferredLanguage: current.preferredLanguage,
        memberships: toMembershipInputs(current.rows),
      });
      const state: UserPageNotice = { notice: 'created' };
      void navigate(`/users/${encodeURIComponent(created.id)}`, { state });
    },
    // A conflict is the e-mail already in use; say so by the field if the server did not.
    failureFields: (error) =>
      error instanceof ApiError &&
      error.code === 'conflict' &&
      !error.fields.some((f) => f.field === 'email')
        ? [{ field: 'email', message: t('bo.users.emailTaken') }]
        : [],
  });

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
      <form noValidate onSubmit={onSubmit}>
        <ErrorSummary errors={form.errors} target={target} />
        <TextField
          id={fieldId(FORM, 'email')}
          label={labels.email ?? ''}
          type="email"
          autoComplete="off"
          required
          value={draft.email}
          onChange={(value) => set('email', value)}
          error={form.messageFor('email')}
        />
        <TextField
          id={fieldId(FORM, 'displayName')}
          label={labels.displayName ?? ''}
          autoComplete="off"
          required
          value={draft.displayName}
          onChange={(value) => set('displayName', value)}
          error={form.messageFor('displayName')}
        />
        <TextField
          id={fieldId(FORM, 'password')}
          label={labels.password ?? ''}
          type="password"
          autoComplete="new-password"
          required
          hint={t('bo.password.hint')}
          value={draft.password}
          onChange={(value) => set('password', value)}
          error={form.messageFor('password')}
        />
        <LanguageField
          id={fieldId(FORM, 'preferredLanguage')}
          value={draft.preferredLanguage}
          onChange={(value: Language) => set('preferredLanguage', value)}
          error={form.messageFor('preferredLanguage')}
        />
        <MembershipsEditor
          formId={FORM}
          rows={draft.rows}
          onChange={(rows) => set('rows', rows)}
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
