import { useIntl } from 'react-intl';
import type { OrganisationDetail } from '../api/organisations.ts';
import { useT } from '../i18n/useT.ts';
import { useCodeLabel } from './labels.ts';
import { municipalityName } from './MunicipalityPicker.tsx';
import { formatDay } from './OrganisationsTable.tsx';

/** The organisation for those who may not change it. */
export function OrganisationView({ organisation: o }: { organisation: OrganisationDetail }) {
  const t = useT();
  const intl = useIntl();
  const label = useCodeLabel();
  const rows: [string, string | null][] = [
    ['kind', label('bo.network.kind', o.kind)],
    ['status', t(`bo.network.status.${o.status}`)],
    ['description', o.description],
    ['website', o.website],
    ['email', o.email],
    ['phone', o.phone],
    ['address', o.address],
    ['postalCode', o.postalCode],
    ['latitude', o.latitude === null ? null : String(o.latitude)],
    ['longitude', o.longitude === null ? null : String(o.longitude)],
    ['seat', o.municipalityName],
    ['territories', o.territories.map(municipalityName).join(', ') || null],
    [
      'networkRole',
      o.networkRole ? label('bo.network.role', o.networkRole) : t('bo.network.notMember'),
    ],
    ['networkJoinedOn', formatDay(intl, o.networkJoinedOn) || null],
    ['networkLeftOn', formatDay(intl, o.networkLeftOn) || null],
    [
      'unarProtocolSignedOn',
      formatDay(intl, o.unarProtocolSignedOn) || t('bo.network.unarNotSigned'),
    ],
    ['unarProtocolReference', o.unarProtocolReference],
  ];
  return (
    <section className="mb-5" aria-labelledby="organisation-details">
      <h2 id="organisation-details" className="h3">
        {t('bo.network.section.details')}
      </h2>
      <dl className="row">
        {rows.map(([field, value]) => (
          <div key={field} className="col-md-6 mb-2">
            <dt>{t(`bo.network.field.${field}`)}</dt>
            <dd>{value ?? t('bo.network.history.empty')}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
