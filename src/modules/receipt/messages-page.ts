import { html } from '../../http/html.ts';
import type { ReportLocale } from '../../i18n/i18n.ts';
import { MAX_MESSAGE_LENGTH, type CaseMessage } from '../cases/case-messages.ts';
import { receiptPagePath } from '../public-site/site-paths.ts';
import {
  csrfField,
  fieldState,
  formatDate,
  multiline,
  notice,
  receiptT,
  renderSignedInPage,
} from './page-frame.ts';

export interface MessagesPageView {
  locale: ReportLocale;
  csrfToken: string;
  messages: CaseMessage[];
  /** Typed text kept after a refusal. */
  draft: string;
  error: string | null;
  done: string | null;
}

/**
 * The conversation with the desk, oldest first, and the answer form. Staff are "the help desk":
 * the reporter never sees who in the team wrote.
 */
export function renderMessagesPage(view: MessagesPageView): string {
  const { locale } = view;
  const t = receiptT(locale);
  const field = fieldState('message-body', view.error);
  const main = html`<h1>${t('messages.title')}</h1>
    <p class="lead">${t('messages.lead')}</p>
    ${notice('success', view.done)}
    ${
      view.messages.length === 0
        ? html`<p>${t('messages.empty')}</p>`
        : html`<ol class="list-unstyled">
          ${view.messages.map(
            (message) =>
              html`<li class="card card-bg mb-3">
                <div class="card-body">
                  <p class="mb-1">
                    <strong
                      >${
                        message.direction === 'to_reporter'
                          ? t('messages.from_desk')
                          : t('messages.from_you')
                      }</strong
                    >
                    · <time datetime="${message.createdAt.toISOString()}"
                      >${formatDate(locale, message.createdAt, true)}</time
                    >
                  </p>
                  <p class="mb-0 text-break">${multiline(message.body)}</p>
                </div>
              </li>`,
          )}
        </ol>`
    }
    <form method="post" action="${receiptPagePath('messages', locale)}" novalidate>
      ${csrfField(view.csrfToken)}
      <div class="mb-3">
        <label class="form-label" for="message-body">${t('messages.answer')}</label>
        <textarea
          class="${field.className}"
          id="message-body"
          name="body"
          rows="6"
          maxlength="${MAX_MESSAGE_LENGTH}"
          required
          aria-describedby="${field.describedBy}"
          ${view.error ? html`aria-invalid="true"` : null}
        >${view.draft}</textarea>
        <p id="message-body-hint" class="form-text small mb-0">
          ${t('messages.answer_hint', { max: MAX_MESSAGE_LENGTH })}
        </p>
        ${field.message}
      </div>
      <button type="submit" class="btn btn-primary">${t('messages.send')}</button>
    </form>`;
  return renderSignedInPage({
    locale,
    page: 'messages',
    title: t('messages.title'),
    csrfToken: view.csrfToken,
    unreadMessages: 0,
    main,
  });
}
