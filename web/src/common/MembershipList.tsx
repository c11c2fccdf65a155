import type { Membership } from '../api/types.ts';
import { useT } from '../i18n/useT.ts';
import { roleLabel } from './format.ts';

/** "Organisation: Role" per line, with translated role names. */
export function MembershipList({ memberships }: { memberships: Membership[] }) {
  const t = useT();
  if (memberships.length === 0) return <>{t('bo.users.noMemberships')}</>;
  return (
    <ul className="list-unstyled mb-0">
      {memberships.map((m) => (
        <li key={`${m.organisationId}-${m.role}`}>
          {m.organisationName}: {roleLabel(t, m.role)}
        </li>
      ))}
    </ul>
  );
}
