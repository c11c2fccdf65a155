import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../core/errors.ts';
import type { ReportLocale } from '../../i18n/i18n.ts';
import { fileFieldError } from '../files/file-errors.ts';
import { prepareFile, type PreparedFile } from '../files/store-file.ts';
import {
  addInformation,
  evidenceAccept,
  MAX_ADDED_TEXT_LENGTH,
  MAX_EVIDENCE_FILES,
} from './add-information.ts';
import { renderAddPage } from './add-page.ts';
import { receiptT } from './page-frame.ts';
import { readEvidenceForm } from './read-evidence-form.ts';
import {
  checkReporterCsrf,
  redirectTo,
  sendReceiptPage,
  signedInReporter,
} from './receipt-request.ts';
import { FileRefusedError } from '../../core/files/file-content.ts';

export async function showAddPage(
  request: FastifyRequest,
  reply: FastifyReply,
  locale: ReportLocale,
): Promise<FastifyReply> {
  const reporter = await signedInReporter(request, reply, { page: 'add_information' });
  if (!reporter) return reply;
  const page = renderAddPage({
    locale,
    csrfToken: reporter.session.csrfToken,
    unreadMessages: reporter.view.unreadMessages,
    text: '',
    textError: null,
    filesError: null,
  });
  return sendReceiptPage(reply, locale, page);
}

/** The message of a refused file, as the shared file errors word it. */
function refusalMessage(locale: ReportLocale, error: unknown): string {
  const appError = fileFieldError(error, { locale, field: 'files', accept: evidenceAccept });
  if (appError instanceof AppError && appError.fields?.[0]) return appError.fields[0].message;
  throw appError;
}

/**
 * Text and files in one submission. Every file is recognised and cleaned before anything is
 * stored, so a refused file leaves nothing behind; the typed text comes back with the message.
 */
export async function handleAddInformation(
  request: FastifyRequest,
  reply: FastifyReply,
  locale: ReportLocale,
): Promise<FastifyReply> {
  // The session is checked before the body is read: no upload is buffered for a stranger.
  const reporter = await signedInReporter(request, reply, { page: 'add_information' });
  if (!reporter) return reply;
  const form = await readEvidenceForm(request);
  checkReporterCsrf(request, reporter.session, form.csrf);
  const t = receiptT(locale);
  const text = form.text.replaceAll('\r\n', '\n').trim();
  let textError: string | null = null;
  let filesError: string | null = null;
  if (text.length > MAX_ADDED_TEXT_LENGTH) {
    textError = t('add.too_long', { max: MAX_ADDED_TEXT_LENGTH, length: text.length });
  }
  if (form.tooManyFiles) filesError = t('add.too_many_files', { max: MAX_EVIDENCE_FILES });
  else if (form.tooLarge) filesError = refusalMessage(locale, new FileRefusedError('too_large'));
  const prepared: PreparedFile[] = [];
  if (!textError && !filesError) {
    for (const file of form.files) {
      try {
        prepared.push(
          await prepareFile({ bytes: file.bytes, fileName: file.fileName, accept: evidenceAccept }),
        );
      } catch (error) {
        filesError = refusalMessage(locale, error);
        break;
      }
    }
    if (!filesError && text === '' && prepared.length === 0) textError = t('add.nothing');
  }
  if (textError || filesError) {
    const page = renderAddPage({
      locale,
      csrfToken: reporter.session.csrfToken,
      unreadMessages: reporter.view.unreadMessages,
      text: form.text,
      textError,
      filesError,
    });
    return sendReceiptPage(reply, locale, page, form.tooLarge && !form.tooManyFiles ? 413 : 400);
  }
  const caseId = reporter.session.caseId;
  const added = await addInformation(request.server.deps.database.db, request.server.deps.config, {
    caseId,
    text,
    files: prepared,
  });
  request.auditTarget = {
    type: 'case',
    id: caseId,
    details: { eventId: added.eventId, files: added.documentIds.length, text: text !== '' },
  };
  return redirectTo(reply, 'status', locale, 'information_added');
}
