import { Button } from 'design-react-kit';
import { useState } from 'react';
import type { FormEvent } from 'react';
import type { Organisation, UserSummary } from '../api/types.ts';
import { replaceMemberships } from '../api/users.ts';
import { ErrorSummary } from '../common/ErrorSummary.tsx';
import { StatusMessage } from '../common/StatusMessage.tsx';
import { fieldId, useFormErrors } from '../common/useFormErrors.ts';
import { useT } from '../i18n/useT.ts';
import {
  checkMemberships,
  membershipFieldLabel,
  newMembershipRow,
  toMembershipInputs,
} from './memberships.ts';
import type { MembershipRow } from './memberships.ts';
import { MembershipsEditor } from './MembershipsEditor.tsx';

const FORM = 'user-memberships';

interface Props {
  user: UserSummary;
  organisations: Organisation[];
  onSaved: (user: UserSummary) => void;
}

export function UserMembershipsForm({ user, organisations, onSaved }: Props) {
  const t = useT();
  const form = useFormErrors();
  const [rows, setRows] = useState<MembershipRow[]>(() =>
    user.memberships.length > 0 ? user.memberships.map(newMembershipRow) : [newMembershipRow()],
  );
  const [saved, setSaved] = useState(false);
  // An organisation the list does not offer (closed, or outside what this admin may list)
  // must still be shown for the memberships the user already has.
  const known = new Set(organisations.map((o) => o.id));
  const choices = [
    ...organisations,
    ...user.memberships
      .filter((m) => !known.has(m.organisationId))
      .map((m) => ({ id: m.organisationId, name: m.organisationName })),
  ].filter((o, index, all) => all.findIndex((other) => other.id === o.id) === index);
  const [submitting, setSubmitting] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const problems = checkMemberships(rows, t);
    if (problems.length > 0) {
      form.showFieldErrors(problems);
      return;
    }
    setSubmitting(true);
    try {
      const updated = await replaceMemberships(user.id, toMembershipInputs(rows));
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
      <h2 id="user-memberships-heading" className="h3">
        {t('bo.users.membershipsSection')}
      </h2>
      <form noValidate onSubmit={(event) => void submit(event)}>
        <ErrorSummary
          errors={form.errors}
          target={(field) => {
            const label = membershipFieldLabel(field, t);
            return label ? { id: fieldId(FORM, field), label } : null;
          }}
        />
        <StatusMessage message={saved ? t('bo.saved') : null} />
        <MembershipsEditor
          formId={FORM}
          rows={rows}
          onChange={setRows}
          organisations={choices}
          messageFor={form.messageFor}
          legendHidden
        />
        <Button type="submit" color="primary" disabled={submitting}>
          {t('bo.users.saveMemberships')}
        </Button>
      </form>
    </section>
  );
}
