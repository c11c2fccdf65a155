import { useIntl } from 'react-intl';
import type { CaseDetail } from '../api/cases.ts';
import { formatDateTime } from '../common/format.ts';
import { useT } from '../i18n/useT.ts';
import { formatDay } from './DueFlag.tsx';

function whenText(detail: CaseDetail, intl: ReturnType<typeof useIntl>): string | null {
  if (!detail.occurredOn) return null;
  const date = new Date(`${detail.occurredOn.slice(0, 10)}T12:00:00`);
  switch (detail.occurredPrecision) {
    case 'year':
      return intl.formatDate(date, { year: 'numeric' });
    case 'month':
      return intl.formatDate(date, { year: 'numeric', month: 'long' });
    case 'day':
    case null:
      return formatDay(intl, detail.occurredOn);
  }
}

/**
 * The language the reporter wrote in, named in the reader's language and in its own
 * ("Arabic (العربية)"), so a desk can find someone who reads it.
 */
function languageLabel(intl: ReturnType<typeof useIntl>, code: string): string {
  const inReaderLanguage = intl.formatDisplayName(code, { type: 'language' }) ?? code;
  const endonym = new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code;
  return inReaderLanguage === endonym ? inReaderLanguage : `${inReaderLanguage} (${endonym})`;
}

/** The report as received: only what the server sends for this reader is shown. */
export function CaseReport({ detail }: { detail: CaseDetail }) {
  const t = useT();
  const intl = useIntl();
  const when = whenText(detail, intl);
  const contact = detail.reporter.contact;
  const rows: [string, string | null][] = [
    ['when', when],
    ['where', detail.municipality?.name ?? null],
    ['placeDetail', detail.placeDetail],
    ['online', detail.online ? t('bo.cases.yes') : null],
    ['onlineLink', detail.onlineLink],
    ['perpetrator', detail.perpetratorDetail],
  ];
  const shown = rows.filter((row): row is [string, string] => Boolean(row[1]));
  return (
    <section aria-labelledby="case-report" className="mb-5">
      <h2 id="case-report" className="h3">
        {t('bo.cases.report.title')}
      </h2>
      {detail.erasedAt && <p>{t('bo.cases.report.erased')}</p>}
      {detail.narrative !== null && (
        <>
          <h3 className="h5">{t('bo.cases.report.narrative')}</h3>
          <p style={{ whiteSpace: 'pre-wrap' }}>{detail.narrative}</p>
        </>
      )}
      {shown.length > 0 && (
        <dl className="bo-details">
          {shown.map(([key, value]) => (
            <div key={key}>
              <dt>{t(`bo.cases.report.${key}`)}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      )}
      <h3 className="h5">{t('bo.cases.report.reporter')}</h3>
      {detail.reporter.anonymous ? (
        <p>{t('bo.cases.report.anonymous')}</p>
      ) : contact ? (
        <dl className="bo-details">
          {(['name', 'email', 'phone', 'preference'] as const)
            .filter((key) => contact[key])
            .map((key) => (
              <div key={key}>
                <dt>{t(`bo.cases.report.contact.${key}`)}</dt>
                <dd>{contact[key]}</dd>
              </div>
            ))}
        </dl>
      ) : (
        <p>{t('bo.cases.report.contactHidden')}</p>
      )}
      <p>
        {detail.reporter.hasReceipt
          ? t('bo.cases.report.hasReceipt')
          : t('bo.cases.report.noReceipt')}
      </p>
      <p>
        {t('bo.cases.report.language', {
          language: languageLabel(intl, detail.reporter.locale),
        })}
      </p>
      {detail.consents.length > 0 && (
        <>
          <h3 className="h5">{t('bo.cases.report.consents')}</h3>
          <ul>
            {detail.consents.map((consent) => (
              <li key={consent.purpose}>
                {t(`bo.cases.consent.${consent.purpose}`)}:{' '}
                {consent.withdrawnAt
                  ? t('bo.cases.report.consentWithdrawn', {
                      date: formatDateTime(intl, consent.withdrawnAt),
                    })
                  : consent.granted
                    ? t('bo.cases.report.consentGranted', { version: consent.textVersion })
                    : t('bo.cases.report.consentRefused')}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
