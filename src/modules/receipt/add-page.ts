import { html } from '../../http/html.ts';
import type { ReportLocale } from '../../i18n/i18n.ts';
import { MAX_STORED_FILE_BYTES } from '../files/store-file.ts';
import { receiptPagePath } from '../public-site/site-paths.ts';
import { MAX_ADDED_TEXT_LENGTH, MAX_EVIDENCE_FILES } from './add-information.ts';
import { csrfField, fieldState, notice, receiptT, renderSignedInPage } from './page-frame.ts';

export interface AddPageView {
  locale: ReportLocale;
  csrfToken: string;
  unreadMessages: number;
  text: string;
  textError: string | null;
  filesError: string | null;
}

const acceptAttribute =
  '.jpg,.jpeg,.png,.webp,.pdf,.txt,image/jpeg,image/png,image/webp,application/pdf,text/plain';

/** More text and evidence, in one form that works without JavaScript. */
export function renderAddPage(view: AddPageView): string {
  const { locale } = view;
  const t = receiptT(locale);
  const text = fieldState('added-text', view.textError);
  const files = fieldState('added-files', view.filesError);
  const main = html`<h1>${t('add.title')}</h1>
    <p class="lead">${t('add.lead')}</p>
    ${notice('danger', view.textError ?? view.filesError)}
    <form
      method="post"
      action="${receiptPagePath('addInformation', locale)}"
      enctype="multipart/form-data"
      novalidate
    >
      ${csrfField(view.csrfToken)}
      <div class="mb-3">
        <label class="form-label" for="added-text">${t('add.text')}</label>
        <textarea
          class="${text.className}"
          id="added-text"
          name="information"
          rows="8"
          maxlength="${MAX_ADDED_TEXT_LENGTH}"
          aria-describedby="${text.describedBy}"
          ${view.textError ? html`aria-invalid="true"` : null}
        >${view.text}</textarea>
        <p id="added-text-hint" class="form-text small mb-0">
          ${t('add.text_hint', { max: MAX_ADDED_TEXT_LENGTH })}
        </p>
        ${text.message}
      </div>
      <div class="mb-3">
        <label class="form-label" for="added-files">${t('add.files')}</label>
        <input
          class="${files.className}"
          type="file"
          id="added-files"
          name="files"
          multiple
          accept="${acceptAttribute}"
          aria-describedby="${files.describedBy}"
          ${view.filesError ? html`aria-invalid="true"` : null}
        />
        <p id="added-files-hint" class="form-text small mb-0">
          ${t('add.files_hint', {
            max: MAX_EVIDENCE_FILES,
            maxMegabytes: Math.floor(MAX_STORED_FILE_BYTES / (1024 * 1024)),
          })}
        </p>
        ${files.message}
      </div>
      <button type="submit" class="btn btn-primary">${t('add.submit')}</button>
    </form>`;
  return renderSignedInPage({
    locale,
    page: 'addInformation',
    title: t('add.title'),
    csrfToken: view.csrfToken,
    unreadMessages: view.unreadMessages,
    main,
  });
}
