import { html } from '../../http/html.ts';
import { siteLocaleOf, type ReportLocale } from '../../i18n/i18n.ts';
import { renderLayout } from '../public-site/layout.ts';
import {
  networkPagePath,
  receiptPagePath,
  receiptPages,
  reportingAlternates,
} from '../public-site/site-paths.ts';
import { csrfField, fieldState, notice, receiptT } from './page-frame.ts';

export type SignInNotice = 'expired' | 'signed_out' | null;

export interface SignInPageView {
  locale: ReportLocale;
  csrfToken: string;
  /** What was typed, kept when it was malformed or wrong so a typo can be fixed. */
  code: string;
  codeError: string | null;
  problem: string | null;
  notice: SignInNotice;
}

/**
 * The entrance of the receipt channel. The code is posted in the body (never in an address),
 * the browser is asked not to remember it, and the page is never cached.
 */
export function renderSignInPage(view: SignInPageView): string {
  const t = receiptT(view.locale);
  const field = fieldState('receipt-code', view.codeError);
  const main = html`<h1>${t('sign_in.title')}</h1>
    <p class="lead">${t('sign_in.lead')}</p>
    ${notice('danger', view.problem)}
    ${notice('info', view.notice ? t(`sign_in.${view.notice}`) : null)}
    <form method="post" action="${receiptPagePath('signIn', view.locale)}" autocomplete="off" novalidate>
      ${csrfField(view.csrfToken)}
      <div class="mb-3">
        <label class="form-label" for="receipt-code">${t('sign_in.code')}</label>
        <input
          class="${field.className}"
          type="text"
          id="receipt-code"
          name="code"
          value="${view.code}"
          inputmode="numeric"
          autocomplete="off"
          spellcheck="false"
          maxlength="40"
          required
          aria-describedby="${field.describedBy}"
          ${view.codeError ? html`aria-invalid="true"` : null}
        />
        <p id="receipt-code-hint" class="form-text small mb-0">${t('sign_in.code_hint')}</p>
        ${field.message}
      </div>
      <button type="submit" class="btn btn-primary">${t('sign_in.submit')}</button>
    </form>
    <p class="mt-4">${t('sign_in.privacy')}</p>
    <p>
      ${t('sign_in.lost')}
      <a
        href="${networkPagePath('findDesk', siteLocaleOf(view.locale))}"
        hreflang="${siteLocaleOf(view.locale)}"
        >${t('sign_in.find_desk')}</a
      >
    </p>`;
  return renderLayout({
    locale: view.locale,
    title: t('sign_in.title'),
    alternates: reportingAlternates(receiptPages.signIn),
    main,
  });
}
