import { html } from '../../http/html.ts';
import type { ReportLocale } from '../../i18n/i18n.ts';
import { receiptPagePath } from '../public-site/site-paths.ts';
import type { ReporterView } from './load-status.ts';
import { csrfField, notice, receiptT, renderSignedInPage } from './page-frame.ts';
import { consentState } from './status-page.ts';

/** Each consent with its state and, where the reporter may, a button to withdraw it. */
export function renderConsentsPage(
  locale: ReportLocale,
  view: ReporterView,
  csrfToken: string,
  message: { kind: 'success' | 'danger'; text: string } | null,
): string {
  const t = receiptT(locale);
  const main = html`<h1>${t('consents.title')}</h1>
    <p class="lead">${t('consents.lead')}</p>
    ${message ? notice(message.kind, message.text) : null}
    <div class="table-responsive">
      <table class="table">
        <thead>
          <tr>
            <th scope="col">${t('consents.purpose')}</th>
            <th scope="col">${t('consents.state')}</th>
            <th scope="col">${t('consents.action')}</th>
          </tr>
        </thead>
        <tbody>
          ${view.consents.map((consent) => {
            const purpose = t(`consent.${consent.purpose}`);
            let action;
            if (consent.withdrawable) {
              action = html`<form method="post" action="${receiptPagePath('consents', locale)}">
                ${csrfField(csrfToken)}
                <input type="hidden" name="purpose" value="${consent.purpose}" />
                <button type="submit" class="btn btn-outline-primary btn-sm">
                  ${t('consents.withdraw')}<span class="visually-hidden">: ${purpose}</span>
                </button>
              </form>`;
            } else if (consent.purpose === 'handling' && view.canWithdrawReport) {
              action = html`<a href="${receiptPagePath('withdraw', locale)}"
                >${t('consents.handling_note')}</a
              >`;
            } else {
              action = html`${t('consents.nothing')}`;
            }
            return html`<tr>
              <th scope="row">${purpose}</th>
              <td>${consentState(locale, t, consent)}</td>
              <td>${action}</td>
            </tr>`;
          })}
        </tbody>
      </table>
    </div>`;
  return renderSignedInPage({
    locale,
    page: 'consents',
    title: t('consents.title'),
    csrfToken,
    unreadMessages: view.unreadMessages,
    main,
  });
}
