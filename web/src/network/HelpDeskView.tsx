import type { HelpDesk } from '../api/help-desks.ts';
import { useT } from '../i18n/useT.ts';
import { weekdays } from './helpDeskForm.ts';
import { useCodeLabel } from './labels.ts';
import { municipalityName } from './MunicipalityPicker.tsx';

/** The help desk for those who may not change it. */
export function HelpDeskView({ desk }: { desk: HelpDesk }) {
  const t = useT();
  const label = useCodeLabel();
  const list = (prefix: string, codes: string[]) =>
    codes.map((code) => label(prefix, code)).join(', ') || null;
  const rows: [string, string | null][] = [
    ['description', desk.description],
    ['status', t(`bo.network.status.${desk.status}`)],
    ['phone', desk.phone],
    ['email', desk.email],
    ['website', desk.website],
    ['onlineUrl', desk.onlineUrl],
    ['address', desk.address],
    ['postalCode', desk.postalCode],
    ['seat', desk.municipalityName],
    ['channels', list('network.channel', desk.channels)],
    ['services', list('network.service', desk.services)],
    ['languages', list('network.language', desk.languages)],
    ['accessibility', list('network.accessibility', desk.accessibility)],
    ['accessMode', label('network.access_mode', desk.accessMode)],
    ['competent', desk.competentMunicipalities.map(municipalityName).join(', ')],
  ];
  return (
    <section className="mb-5" aria-labelledby="help-desk-details">
      <h2 id="help-desk-details" className="h3">
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
      <h3 className="h5">{t('bo.network.section.hours')}</h3>
      <dl>
        {weekdays.map((day) => (
          <div key={day}>
            <dt>{t(`bo.network.weekday.${day}`)}</dt>
            <dd>
              {(desk.openingHours.weekly[day] ?? [])
                .map((interval) => `${interval.opens}–${interval.closes}`)
                .join(', ') || t('bo.network.hours.closed')}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
