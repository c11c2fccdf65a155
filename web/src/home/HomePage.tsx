import { Card, CardBody, CardText, CardTitle } from 'design-react-kit';
import { Link } from 'react-router-dom';
import type { Membership } from '../api/types.ts';
import { can } from '../auth/permissions.ts';
import type { Permission } from '../auth/permissions.ts';
import { useSignedInUser } from '../auth/SessionProvider.tsx';
import { roleLabel } from '../common/format.ts';
import { PageHeading } from '../common/PageHeading.tsx';
import { useT } from '../i18n/useT.ts';

interface Shortcut {
  to: string;
  key: string;
  permission?: Permission;
}

const shortcuts: Shortcut[] = [
  { to: '/users', key: 'users', permission: 'users.read' },
  { to: '/network', key: 'network', permission: 'organisations.read' },
  { to: '/audit', key: 'audit', permission: 'audit.read' },
  { to: '/profile', key: 'profile' },
];

interface OrganisationRoles {
  id: string;
  name: string;
  roles: string[];
}

function byOrganisation(memberships: Membership[]): OrganisationRoles[] {
  const grouped = new Map<string, OrganisationRoles>();
  for (const membership of memberships) {
    const entry = grouped.get(membership.organisationId) ?? {
      id: membership.organisationId,
      name: membership.organisationName,
      roles: [],
    };
    entry.roles.push(membership.role);
    grouped.set(membership.organisationId, entry);
  }
  return [...grouped.values()];
}

export function HomePage() {
  const t = useT();
  const user = useSignedInUser();
  const organisations = byOrganisation(user.memberships);
  const available = shortcuts.filter((s) => !s.permission || can(user, s.permission));

  return (
    <>
      <PageHeading title={t('bo.home.title')}>
        {t('bo.home.greeting', { name: user.displayName })}
      </PageHeading>

      <section className="mb-5">
        <h2 id="home-organisations" className="h3">
          {t('bo.home.organisations')}
        </h2>
        {organisations.length === 0 ? (
          <p>{t('bo.home.noOrganisations')}</p>
        ) : (
          <ul className="bo-organisation-list">
            {organisations.map((organisation) => (
              <li key={organisation.id}>
                <strong>{organisation.name}</strong>:{' '}
                {organisation.roles.map((role) => roleLabel(t, role)).join(', ')}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section>
        <h2 id="home-shortcuts" className="h3">
          {t('bo.home.shortcuts')}
        </h2>
        <div className="row">
          {available.map((shortcut) => (
            <div key={shortcut.key} className="col-md-6 col-xl-4 mb-4">
              <Card shadow="sm" rounded className="h-100">
                <CardTitle tag="h3" className="it-card-title h5">
                  <Link to={shortcut.to}>{t(`bo.home.card.${shortcut.key}.title`)}</Link>
                </CardTitle>
                <CardBody className="it-card-body">
                  <CardText className="it-card-description">
                    {t(`bo.home.card.${shortcut.key}.text`)}
                  </CardText>
                </CardBody>
              </Card>
            </div>
          ))}
        </div>
      </section>
    </>
  );
}
