import { html } from '../../http/html.ts';
import type { ReportLocale } from '../../i18n/i18n.ts';
import { receiptPagePath } from '../public-site/site-paths.ts';
import type { ReporterView } from './load-status.ts';
import { csrfField, notice, receiptT, renderSignedInPage } from './page-frame.ts';

/**
 * Withdrawing the whole report, behind an explicit confirmation; when the workflow no longer
 * allows it, the page says why instead of offering a button that would fail.
 */
export function renderWithdrawPage(
  locale: ReportLocale,
  view: ReporterView,
  csrfToken: string,
  confirmError: string | null,
): string {
  const t = receiptT(locale);
  const body = view.canWithdrawReport
    ? html`<form method="post" action="${receiptPagePath('withdraw', locale)}" novalidate>
        ${csrfField(csrfToken)}
        <div class="form-check mb-3">
          <input
            id="withdraw-confirm"
            type="checkbox"
            name="confirm"
            value="yes"
            required
            ${
              confirmError
                ? html`aria-invalid="true" aria-describedby="withdraw-confirm-error"`
                : null
            }
          />
          <label for="withdraw-confirm">${t('withdraw.confirm')}</label>
          ${
            confirmError
              ? html`<div id="withdraw-confirm-error" class="invalid-feedback d-block">
                ${confirmError}
              </div>`
              : null
          }
        </div>
        <button type="submit" class="btn btn-danger">${t('withdraw.submit')}</button>
      </form>`
    : html`<p>
        ${
          view.stage === 'withdrawn'
            ? t('withdraw.not_allowed.withdrawn')
            : t('withdraw.not_allowed.concluded')
        }
      </p>`;
  const main = html`<h1>${t('withdraw.title')}</h1>
    ${notice('danger', confirmError)}
    <p class="lead">${t('withdraw.lead')}</p>
    ${body}`;
  return renderSignedInPage({
    locale,
    page: 'withdraw',
    title: t('withdraw.title'),
    csrfToken,
    unreadMessages: view.unreadMessages,
    main,
  });
}
