import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ReportLocale } from '../../i18n/i18n.ts';
import {
  listMessages,
  markMessagesRead,
  MAX_MESSAGE_LENGTH,
  MessageBodyError,
  postMessage,
} from '../cases/case-messages.ts';
import { renderMessagesPage } from './messages-page.ts';
import { receiptT } from './page-frame.ts';
import { redirectTo, sendReceiptPage, signedInReporter } from './receipt-request.ts';

/** Reading the conversation marks the desk's messages as read: the desk then knows they arrived. */
export async function showMessages(
  request: FastifyRequest,
  reply: FastifyReply,
  locale: ReportLocale,
  done: string | undefined,
): Promise<FastifyReply> {
  const reporter = await signedInReporter(request, reply, { page: 'messages' });
  if (!reporter) return reply;
  const { database, config } = request.server.deps;
  const caseId = reporter.session.caseId;
  const messages = await listMessages(database.db, config, caseId);
  await markMessagesRead(database.db, caseId, 'to_reporter');
  const page = renderMessagesPage({
    locale,
    csrfToken: reporter.session.csrfToken,
    messages,
    draft: '',
    error: null,
    done: done === 'sent' ? receiptT(locale)('messages.sent') : null,
  });
  return sendReceiptPage(reply, locale, page);
}

/** The reporter's answer; an empty or too long one comes back with what was typed. */
export async function handleSendMessage(
  request: FastifyRequest,
  reply: FastifyReply,
  locale: ReportLocale,
  body: { _csrf?: string | undefined; body?: string | undefined },
): Promise<FastifyReply> {
  const reporter = await signedInReporter(request, reply, { page: 'messages', csrf: body._csrf });
  if (!reporter) return reply;
  const { database, config } = request.server.deps;
  const caseId = reporter.session.caseId;
  const text = body.body ?? '';
  try {
    const sent = await postMessage(database.db, config, {
      caseId,
      direction: 'from_reporter',
      body: text,
      authorUserId: null,
    });
    request.auditTarget = { type: 'case', id: caseId, details: { messageId: sent.id } };
    return redirectTo(reply, 'messages', locale, 'sent');
  } catch (error) {
    if (!(error instanceof MessageBodyError)) throw error;
    const t = receiptT(locale);
    const message =
      error.problem === 'empty'
        ? t('messages.empty_body')
        : t('messages.too_long', { max: MAX_MESSAGE_LENGTH, length: text.trim().length });
    const page = renderMessagesPage({
      locale,
      csrfToken: reporter.session.csrfToken,
      messages: await listMessages(database.db, config, caseId),
      draft: text,
      error: message,
      done: null,
    });
    return sendReceiptPage(reply, locale, page, 400);
  }
}
