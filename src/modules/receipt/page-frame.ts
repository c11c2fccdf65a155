import { html, type SafeHtml } from '../../http/html.ts';
import { intlLocale, translate, type ReportLocale } from '../../i18n/i18n.ts';
import { renderLayout } from '../public-site/layout.ts';
import {
  receiptPagePath,
  receiptPages,
  reportingAlternates,
  type ReceiptPage,
} from '../public-site/site-paths.ts';

export type T = (key: string, values?: Record<string, string | number>) => string;

export function receiptT(locale: ReportLocale): T {
  return (key, values) => translate(locale, `public.receipt.${key}`, values);
}

/** Dates as the reporter reads them, in the network's time zone. */
export function formatDate(locale: ReportLocale, date: Date, withTime = false): string {
  return new Intl.DateTimeFormat(intlLocale(locale), {
    dateStyle: 'long',
    ...(withTime ? { timeStyle: 'short' } : {}),
    timeZone: 'Europe/Rome',
  }).format(date);
}

export function csrfField(token: string): SafeHtml {
  return html`<input type="hidden" name="_csrf" value="${token}" />`;
}

/** A confirmation (role status) or a problem (role alert) at the top of a page. */
export function notice(kind: 'success' | 'danger' | 'info', text: string | null): SafeHtml | null {
  if (!text) return null;
  return html`<div class="alert alert-${kind}" role="${kind === 'danger' ? 'alert' : 'status'}">
    ${text}
  </div>`;
}

/** Text typed by a person, shown with its line breaks and nothing else. */
export function multiline(text: string): SafeHtml {
  return html`${text.split('\n').map((line, index) => html`${index > 0 ? html`<br />` : null}${line}`)}`;
}

export interface SignedInFrame {
  locale: ReportLocale;
  page: Exclude<ReceiptPage, 'signIn' | 'signOut'>;
  title: string;
  csrfToken: string;
  unreadMessages: number;
  main: SafeHtml;
}

const menu: Exclude<ReceiptPage, 'signIn' | 'signOut'>[] = [
  'status',
  'messages',
  'addInformation',
  'consents',
  'withdraw',
];

const menuKeys: Record<(typeof menu)[number], string> = {
  status: 'nav.status',
  messages: 'nav.messages',
  addInformation: 'nav.add',
  consents: 'nav.consents',
  withdraw: 'nav.withdraw',
};

function receiptMenu(frame: SignedInFrame): SafeHtml {
  const t = receiptT(frame.locale);
  return html`<nav aria-label="${t('nav.label')}" class="mb-4">
    <ul class="list-inline mb-2">
      ${menu.map((page) => {
        const label = html`${t(menuKeys[page])}${
          page === 'messages' && frame.unreadMessages > 0
            ? html` <span class="badge bg-primary">${t('nav.unread', { count: frame.unreadMessages })}</span>`
            : null
        }`;
        return html`<li class="list-inline-item me-3 mb-2">
          ${
            page === frame.page
              ? html`<a href="${receiptPagePath(page, frame.locale)}" aria-current="page"
                ><strong>${label}</strong></a
              >`
              : html`<a href="${receiptPagePath(page, frame.locale)}">${label}</a>`
          }
        </li>`;
      })}
    </ul>
    <form method="post" action="${receiptPagePath('signOut', frame.locale)}">
      ${csrfField(frame.csrfToken)}
      <button type="submit" class="btn btn-outline-primary btn-sm">${t('sign_out')}</button>
    </form>
  </nav>`;
}

/** A page of a signed-in reporter: the channel's menu, then the page. */
export function renderSignedInPage(frame: SignedInFrame): string {
  return renderLayout({
    locale: frame.locale,
    title: frame.title,
    alternates: reportingAlternates(receiptPages[frame.page]),
    main: html`${receiptMenu(frame)}${frame.main}`,
  });
}

/** The invalid state of a form field with its message, linked for screen readers. */
export function fieldState(id: string, error: string | null) {
  return {
    className: error ? 'form-control is-invalid' : 'form-control',
    describedBy: error ? `${id}-hint ${id}-error` : `${id}-hint`,
    message: error
      ? html`<div id="${id}-error" class="invalid-feedback d-block">${error}</div>`
      : null,
  };
}
