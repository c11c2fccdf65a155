import { NavLink } from 'react-router-dom';
import { can } from '../auth/permissions.ts';
import type { Permission } from '../auth/permissions.ts';
import { useSignedInUser } from '../auth/SessionProvider.tsx';
import { useT } from '../i18n/useT.ts';

interface NavEntry {
  to: string;
  label: string;
  permission?: Permission;
  end?: boolean;
  /** Shown indented under the entry before it (e.g. the map under the network). */
  nested?: boolean;
}

const entries: NavEntry[] = [
  { to: '/', label: 'bo.nav.home', end: true },
  { to: '/cases', label: 'bo.cases.nav', permission: 'cases.read' },
  { to: '/cases/referrals', label: 'bo.cases.inbox.nav', permission: 'cases.read', nested: true },
  { to: '/users', label: 'bo.nav.users', permission: 'users.read' },
  { to: '/network', label: 'bo.network.nav', permission: 'organisations.read' },
  {
    to: '/network/map',
    label: 'bo.network.map.nav',
    permission: 'organisations.read',
    nested: true,
  },
  { to: '/stats', label: 'bo.stats.nav', permission: 'aggregates.read' },
  { to: '/audit', label: 'bo.nav.audit', permission: 'audit.read' },
  { to: '/profile', label: 'bo.nav.profile' },
];

export function SideNav() {
  const t = useT();
  const user = useSignedInUser();
  const visible = entries.filter((entry) => !entry.permission || can(user, entry.permission));
  return (
    <nav aria-label={t('bo.nav.label')} className="bo-side-nav">
      <div className="link-list-wrapper">
        <ul className="link-list">
          {visible.map((entry) => (
            <li key={entry.to}>
              <NavLink
                to={entry.to}
                end={entry.end ?? false}
                className={entry.nested ? 'list-item ps-4' : 'list-item'}
              >
                <span>{t(entry.label)}</span>
              </NavLink>
            </li>
          ))}
        </ul>
      </div>
    </nav>
  );
}
