import { formatReceiptCode } from '../../core/cases/receipt-code.ts';
import { html, type SafeHtml } from '../../http/html.ts';
import { siteLocaleOf, type ReportLocale } from '../../i18n/i18n.ts';
import { renderLayout } from '../public-site/layout.ts';
import {
  networkPagePath,
  receiptPagePath,
  reportingAlternates,
  reportPages,
} from '../public-site/site-paths.ts';
import { translator } from './page.ts';
import { formPath, stepPath } from './paths.ts';

function page(locale: ReportLocale, title: string, main: SafeHtml): string {
  return renderLayout({ locale, title, alternates: reportingAlternates(reportPages.report), main });
}

/** The directory of help desks is in Italian and English only. */
function findDeskLink(locale: ReportLocale, label: string): SafeHtml {
  const site = siteLocaleOf(locale);
  return html`<a href="${networkPagePath('findDesk', site)}" hreflang="${site}">${label}</a>`;
}

/** The form's first page: what to expect, before any question. */
export function renderIntroPage(locale: ReportLocale, hasDraft: boolean): string {
  const t = translator(locale);
  return page(
    locale,
    t('intro.title'),
    html`<div class="site-report">
      <h1>${t('intro.title')}</h1>
      <p class="lead">${t('intro.lead')}</p>
      <div class="alert alert-warning" role="note">${t('intro.emergency')}</div>
      <h2 class="h4">${t('intro.how_heading')}</h2>
      <ul>
        <li>${t('intro.how.steps')}</li>
        <li>${t('intro.how.anonymous')}</li>
        <li>${t('intro.how.receipt')}</li>
        <li>${t('intro.how.privacy')}</li>
        <li>${t('intro.how.time')}</li>
      </ul>
      <p>
        <a class="btn btn-primary btn-lg" href="${stepPath(locale, 'what')}">
          ${hasDraft ? t('intro.resume') : t('intro.start')}
        </a>
      </p>
      <p>${t('intro.other_ways')} ${findDeskLink(locale, t('intro.find_desk'))}</p>
    </div>`,
  );
}

/** Shown once, in the answer to the sending request: the code is never stored nor sent again. */
export function renderReceiptPage(locale: ReportLocale, receiptCode: string): string {
  const t = translator(locale);
  return page(
    locale,
    t('receipt.title'),
    html`<div class="site-report">
      <h1>${t('receipt.title')}</h1>
      <p class="lead">${t('receipt.lead')}</p>
      <section class="site-report-receipt" aria-labelledby="receipt-code-label">
        <h2 class="h4" id="receipt-code-label">${t('receipt.code_label')}</h2>
        <p class="site-report-code" translate="no">${formatReceiptCode(receiptCode)}</p>
      </section>
      <div class="alert alert-warning" role="note">
        <p class="mb-1"><strong>${t('receipt.keep_heading')}</strong></p>
        <p class="mb-0">${t('receipt.keep')}</p>
      </div>
      <h2 class="h4">${t('receipt.next_heading')}</h2>
      <ul>
        <li>${t('receipt.next.read')}</li>
        <li>${t('receipt.next.contact')}</li>
        <li>${t('receipt.next.anonymous')}</li>
      </ul>
      <h2 class="h4">${t('receipt.check_heading')}</h2>
      <p>
        ${t('receipt.check')}
        <a href="${receiptPagePath('signIn', locale)}">${t('receipt.check_link')}</a>
      </p>
    </div>`,
  );
}

export type RefusalReason =
  | 'already_sent'
  | 'too_fast'
  | 'invalid_token'
  | 'expired_token'
  | 'replayed'
  | 'honeypot'
  | 'limited';

/** Why a submission was not accepted; the draft stays, so trying again loses nothing. */
export function renderRefusalPage(
  locale: ReportLocale,
  reason: RefusalReason,
  minutes = 60,
): string {
  const t = translator(locale);
  const back =
    reason === 'already_sent'
      ? html`<a href="${formPath(locale)}">${t('refused.start_again')}</a>`
      : html`<a href="${stepPath(locale, 'review')}">${t('refused.back_to_review')}</a>`;
  return page(
    locale,
    t(`refused.${reason}.title`),
    html`<div class="site-report">
      <h1>${t(`refused.${reason}.title`)}</h1>
      <p class="lead">${t(`refused.${reason}.text`, { minutes })}</p>
      ${reason === 'already_sent' ? null : html`<p>${t('refused.draft_kept')}</p>`}
      <p>${back}</p>
      <p>${t('intro.other_ways')} ${findDeskLink(locale, t('intro.find_desk'))}</p>
    </div>`,
  );
}
