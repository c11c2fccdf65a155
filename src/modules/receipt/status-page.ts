import { html, type SafeHtml } from '../../http/html.ts';
import { siteLocaleOf, type ReportLocale } from '../../i18n/i18n.ts';
import { deskPath, receiptPagePath } from '../public-site/site-paths.ts';
import type { ReporterConsent, ReporterView } from './load-status.ts';
import { formatDate, notice, receiptT, renderSignedInPage, type T } from './page-frame.ts';

export function consentState(locale: ReportLocale, t: T, consent: ReporterConsent): string {
  if (consent.withdrawnAt) {
    return t('consent.withdrawn_on', { date: formatDate(locale, consent.withdrawnAt) });
  }
  return consent.granted ? t('consent.in_force') : t('consent.not_given');
}

function handledBy(locale: ReportLocale, t: T, view: ReporterView): SafeHtml {
  if (view.desk) {
    return view.desk.public
      ? html`<a href="${deskPath(view.desk.id, siteLocaleOf(locale))}" hreflang="${siteLocaleOf(locale)}"
          >${view.desk.name}</a
        >`
      : html`${view.desk.name}`;
  }
  return html`${
    view.organisationName
      ? t('status.central_queue', { organisation: view.organisationName })
      : t('status.no_desk')
  }`;
}

/** Where the report stands, in plain words, and what the reporter can do next. */
export function renderStatusPage(
  locale: ReportLocale,
  view: ReporterView,
  csrfToken: string,
  done: string | null,
): string {
  const t = receiptT(locale);
  const main = html`<h1>${t('status.title')}</h1>
    ${notice('success', done)}
    ${
      view.unreadMessages > 0
        ? html`<div class="alert alert-info" role="status">
          <p class="mb-2">${t('status.unread', { count: view.unreadMessages })}</p>
          <a href="${receiptPagePath('messages', locale)}">${t('status.read_messages')}</a>
        </div>`
        : null
    }
    <dl class="row">
      <dt class="col-sm-4">${t('status.reference')}</dt>
      <dd class="col-sm-8">${view.reference}</dd>
      <dt class="col-sm-4">${t('status.stage')}</dt>
      <dd class="col-sm-8">
        <strong>${t(`stage.${view.stage}`)}</strong>
        <p class="mb-0">${t(`stage.${view.stage}.text`)}</p>
      </dd>
      <dt class="col-sm-4">${t('status.received_on')}</dt>
      <dd class="col-sm-8">${formatDate(locale, view.receivedAt)}</dd>
      <dt class="col-sm-4">${t('status.handled_by')}</dt>
      <dd class="col-sm-8">${handledBy(locale, t, view)}</dd>
      <dt class="col-sm-4">${t('status.you_sent')}</dt>
      <dd class="col-sm-8">
        <ul class="mb-0">
          <li>${t('status.you_sent_files', { count: view.evidenceFiles })}</li>
          <li>${t('status.you_sent_messages', { count: view.messagesSent })}</li>
          <li>${t('status.you_sent_additions', { count: view.additions })}</li>
        </ul>
      </dd>
    </dl>
    <h2 class="h4">${t('status.consents')}</h2>
    <ul>
      ${view.consents.map(
        (consent) =>
          html`<li>${t(`consent.${consent.purpose}`)}: ${consentState(locale, t, consent)}</li>`,
      )}
    </ul>`;
  return renderSignedInPage({
    locale,
    page: 'status',
    title: t('status.title'),
    csrfToken,
    unreadMessages: view.unreadMessages,
    main,
  });
}
