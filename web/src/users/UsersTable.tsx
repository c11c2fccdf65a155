import { Badge } from 'design-react-kit';
import { useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import type { UserSummary } from '../api/types.ts';
import { DataTable } from '../common/DataTable.tsx';
import { formatDateTime } from '../common/format.ts';
import { MembershipList } from '../common/MembershipList.tsx';
import { useT } from '../i18n/useT.ts';

export function StatusBadge({ disabled }: { disabled: boolean }) {
  const t = useT();
  return (
    <Badge color={disabled ? 'secondary' : 'success'}>
      {disabled ? t('bo.users.status.disabled') : t('bo.users.status.active')}
    </Badge>
  );
}

export function UsersTable({ users, caption }: { users: UserSummary[]; caption: string }) {
  const t = useT();
  const intl = useIntl();
  return (
    <DataTable caption={caption}>
      <thead>
        <tr>
          <th scope="col">{t('bo.users.column.name')}</th>
          <th scope="col">{t('bo.users.column.email')}</th>
          <th scope="col">{t('bo.users.column.memberships')}</th>
          <th scope="col">{t('bo.users.column.status')}</th>
          <th scope="col">{t('bo.users.column.totp')}</th>
          <th scope="col">{t('bo.users.column.lastLogin')}</th>
        </tr>
      </thead>
      <tbody>
        {users.map((user) => (
          <tr key={user.id}>
            <th scope="row">
              <Link to={`/users/${encodeURIComponent(user.id)}`}>{user.displayName}</Link>
            </th>
            <td>{user.email}</td>
            <td>
              <MembershipList memberships={user.memberships} />
            </td>
            <td>
              <StatusBadge disabled={user.disabled} />
            </td>
            <td>{user.totpEnabled ? t('bo.users.totp.on') : t('bo.users.totp.off')}</td>
            <td>
              {user.lastLoginAt ? formatDateTime(intl, user.lastLoginAt) : t('bo.users.never')}
            </td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
