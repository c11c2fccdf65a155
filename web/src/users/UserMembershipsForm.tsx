import { Button } from 'design-react-kit';
import type { Organisation, UserSummary } from '../api/types.ts';
import { replaceMemberships } from '../api/users.ts';
import { ErrorSummary } from '../common/ErrorSummary.tsx';
import { StatusMessage } from '../common/StatusMessage.tsx';
import { useDraftForm } from '../common/useDraftForm.ts';
import { fieldId } from '../common/useFormErrors.ts';
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
  const {
    draft: rows,
    setDraft: setRows,
    saved,
    submitting,
    form,
    onSubmit,
  } = useDraftForm<MembershipRow[]>({
    initial: () =>
      user.memberships.length > 0 ? user.memberships.map(newMembershipRow) : [newMembershipRow()],
    check: (current) => checkMemberships(current, t),
    save: async (current) =>
      onSaved(await replaceMemberships(user.id, toMembershipInputs(current))),
  });
  // An organisation the list does not offer (closed, or outside what this admin may list)
  // must still be shown for the memberships the user already has.
  const known = new Set(organisations.map((o) => o.id));
  const choices = [
    ...organisations,
    ...user.memberships
      .filter((m) => !known.has(m.organisationId))
      .map((m) => ({ id: m.organisationId, name: m.organisationName })),
  ].filter((o, index, all) => all.findIndex((other) => other.id === o.id) === index);

  return (
    <section className="mb-5">
      <h2 id="user-memberships-heading" className="h3">
        {t('bo.users.membershipsSection')}
      </h2>
      <form noValidate onSubmit={onSubmit}>
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
