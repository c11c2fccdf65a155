import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { consentPurposes, type ConsentPurpose } from '../../core/cases/consent.ts';
import { reportLocales } from '../../i18n/i18n.ts';
import { MAX_STORED_FILE_BYTES } from '../files/store-file.ts';
import { receiptPagePath, type ReceiptPage } from '../public-site/site-paths.ts';
import { MAX_EVIDENCE_FILES } from './add-information.ts';
import { handleAddInformation, showAddPage } from './handle-add-information.ts';
import { handleSendMessage, showMessages } from './handle-messages.ts';
import { renderConsentsPage } from './consents-page.ts';
import { receiptT } from './page-frame.ts';
import {
  currentReporterSession,
  redirectTo,
  sendReceiptPage,
  sendSignIn,
  signedInReporter,
} from './receipt-request.ts';
import { clearReceiptCookie, deleteReporterSession, setReceiptCookie } from './reporter-session.ts';
import { signInWithReceipt } from './sign-in.ts';
import { renderStatusPage } from './status-page.ts';
import { withdrawConsent } from './withdraw-consent.ts';
import { renderWithdrawPage } from './withdraw-page.ts';
import { withdrawReport } from './withdraw-report.ts';

const token = z.string().max(200).optional();
const doneQuery = z.object({ done: z.string().max(40).optional() });
const signInBody = z.object({ _csrf: token, code: z.string().max(200).optional() });
const messageBody = z.object({ _csrf: token, body: z.string().max(100_000).optional() });
const consentBody = z.object({ _csrf: token, purpose: z.string().max(40).optional() });
const withdrawBody = z.object({ _csrf: token, confirm: z.string().max(20).optional() });
const signOutBody = z.object({ _csrf: token });

const isPurpose = (value: unknown): value is ConsentPurpose =>
  (consentPurposes as readonly unknown[]).includes(value);

/**
 * Forms of a signed-in reporter carry the token bound to the reporter's session, which the
 * site-wide check (bound to a staff session or the anonymous cookie) does not know: they are
 * exempt from that check and verified by `signedInReporter` instead, before anything changes.
 */
const reporterForm = { permission: 'public', csrfExempt: true } as const;

/**
 * The receipt channel: a reporter signs in with the receipt code (posted, never in an
 * address; wrong codes rate-limited), then sees where the report stands, talks with the desk,
 * adds information and evidence, withdraws consents or the whole report. Public pages, no
 * JavaScript, every access to the case audited with the reporter as an anonymous actor.
 */
export async function receiptRoutes(fastify: FastifyInstance): Promise<void> {
  // One more file and one more byte than allowed, so the form can say what was too much.
  await fastify.register(fastifyMultipart, {
    limits: {
      fileSize: MAX_STORED_FILE_BYTES + 1,
      files: MAX_EVIDENCE_FILES + 1,
      fields: 4,
      parts: MAX_EVIDENCE_FILES + 5,
      fieldSize: 64 * 1024,
    },
  });
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;
  const config = () => app.deps.config;

  for (const locale of reportLocales) {
    const path = (page: ReceiptPage) => receiptPagePath(page, locale);
    const summary = (text: string) => `${text} (${locale})`;
    const schema = (text: string) => ({ tags: ['receipt'], summary: summary(text), hide: true });
    const doneText = (key: string | undefined, known: Record<string, string>) =>
      key && key in known ? receiptT(locale)(known[key]!) : null;

    app.get(
      path('signIn'),
      {
        config: { permission: 'public', audit: null },
        schema: { ...schema('Receipt sign-in form'), querystring: doneQuery },
      },
      async (request, reply) => {
        if (await currentReporterSession(request)) return redirectTo(reply, 'status', locale);
        const signedOut = request.query.done === 'signed_out';
        return sendSignIn(request, reply, { notice: signedOut ? 'signed_out' : null });
      },
    );

    app.post(
      path('signIn'),
      {
        config: { permission: 'public', audit: 'receipt.signed_in' },
        schema: { ...schema('Sign in with a receipt code'), body: signInBody },
      },
      async (request, reply) => {
        const t = receiptT(locale);
        const code = request.body.code ?? '';
        const previous = await currentReporterSession(request);
        const result = await signInWithReceipt(db(), config(), {
          code,
          address: request.ip,
          previousSessionHash: previous?.idHash ?? null,
        });
        switch (result.status) {
          case 'signed_in':
            request.auditTarget = { type: 'case', id: result.caseId };
            setReceiptCookie(reply, config(), result.sessionId);
            return redirectTo(reply, 'status', locale);
          case 'malformed':
            return sendSignIn(request, reply, { code, codeError: t('sign_in.malformed') }, 400);
          case 'unknown':
            return sendSignIn(request, reply, { code, problem: t('sign_in.unknown') }, 401);
          case 'locked': {
            const minutes = Math.max(1, Math.ceil(result.retryAfter / 60));
            reply.header('retry-after', result.retryAfter);
            return sendSignIn(request, reply, { problem: t('sign_in.locked', { minutes }) }, 429);
          }
        }
      },
    );

    app.get(
      path('status'),
      {
        config: { permission: 'public', audit: 'receipt.read' },
        schema: { ...schema('Where the report stands'), querystring: doneQuery },
      },
      async (request, reply) => {
        const reporter = await signedInReporter(request, reply, { page: 'status' });
        if (!reporter) return reply;
        const done = doneText(request.query.done, {
          information_added: 'add.added',
          report_withdrawn: 'withdraw.done',
        });
        const page = renderStatusPage(locale, reporter.view, reporter.session.csrfToken, done);
        return sendReceiptPage(reply, locale, page);
      },
    );

    app.get(
      path('messages'),
      {
        config: { permission: 'public', audit: 'receipt.read' },
        schema: { ...schema('Messages with the desk'), querystring: doneQuery },
      },
      (request, reply) => showMessages(request, reply, locale, request.query.done),
    );

    app.post(
      path('messages'),
      {
        config: { ...reporterForm, audit: 'receipt.message_sent' },
        schema: { ...schema('Answer the desk'), body: messageBody },
      },
      (request, reply) => handleSendMessage(request, reply, locale, request.body),
    );

    app.get(
      path('addInformation'),
      {
        config: { permission: 'public', audit: 'receipt.read' },
        schema: schema('Add information form'),
      },
      (request, reply) => showAddPage(request, reply, locale),
    );

    app.post(
      path('addInformation'),
      {
        config: { ...reporterForm, audit: 'receipt.information_added' },
        schema: { ...schema('Add information and evidence'), consumes: ['multipart/form-data'] },
      },
      (request, reply) => handleAddInformation(request, reply, locale),
    );

    app.get(
      path('consents'),
      {
        config: { permission: 'public', audit: 'receipt.read' },
        schema: { ...schema('Consents in force'), querystring: doneQuery },
      },
      async (request, reply) => {
        const reporter = await signedInReporter(request, reply, { page: 'consents' });
        if (!reporter) return reply;
        const t = receiptT(locale);
        const message =
          request.query.done === 'withdrawn'
            ? { kind: 'success' as const, text: t('consents.withdrawn') }
            : null;
        const page = renderConsentsPage(locale, reporter.view, reporter.session.csrfToken, message);
        return sendReceiptPage(reply, locale, page);
      },
    );

    app.post(
      path('consents'),
      {
        config: { ...reporterForm, audit: 'receipt.consent_withdrawn' },
        schema: { ...schema('Withdraw a consent'), body: consentBody },
      },
      async (request, reply) => {
        const csrf = request.body._csrf;
        const reporter = await signedInReporter(request, reply, { page: 'consents', csrf });
        if (!reporter) return reply;
        const purpose = request.body.purpose;
        const outcome = isPurpose(purpose)
          ? await withdrawConsent(db(), reporter.session.caseId, purpose)
          : 'not_in_force';
        if (outcome === 'withdrawn') {
          request.auditTarget = {
            type: 'case',
            id: reporter.session.caseId,
            details: { purpose },
          };
          return redirectTo(reply, 'consents', locale, 'withdrawn');
        }
        const t = receiptT(locale);
        const page = renderConsentsPage(locale, reporter.view, reporter.session.csrfToken, {
          kind: 'danger',
          text: t('consents.not_in_force'),
        });
        return sendReceiptPage(reply, locale, page, 409);
      },
    );

    app.get(
      path('withdraw'),
      {
        config: { permission: 'public', audit: 'receipt.read' },
        schema: schema('Withdraw the report: confirmation'),
      },
      async (request, reply) => {
        const reporter = await signedInReporter(request, reply, { page: 'withdraw' });
        if (!reporter) return reply;
        const page = renderWithdrawPage(locale, reporter.view, reporter.session.csrfToken, null);
        return sendReceiptPage(reply, locale, page);
      },
    );

    app.post(
      path('withdraw'),
      {
        config: { ...reporterForm, audit: 'receipt.report_withdrawn' },
        schema: { ...schema('Withdraw the report'), body: withdrawBody },
      },
      async (request, reply) => {
        const csrf = request.body._csrf;
        const reporter = await signedInReporter(request, reply, { page: 'withdraw', csrf });
        if (!reporter) return reply;
        const { view, session } = reporter;
        const refuse = (error: string | null, status: number) =>
          sendReceiptPage(
            reply,
            locale,
            renderWithdrawPage(locale, view, session.csrfToken, error),
            status,
          );
        if (!view.canWithdrawReport) return refuse(null, 409);
        if (request.body.confirm !== 'yes') {
          return refuse(receiptT(locale)('withdraw.confirm_required'), 400);
        }
        const result = await withdrawReport(db(), config(), session.caseId);
        if (result.status !== 'withdrawn') {
          view.canWithdrawReport = false;
          return refuse(null, 409);
        }
        return redirectTo(reply, 'status', locale, 'report_withdrawn');
      },
    );

    app.post(
      path('signOut'),
      {
        config: { ...reporterForm, audit: 'receipt.signed_out' },
        schema: { ...schema('Sign out of the receipt channel'), body: signOutBody },
      },
      async (request, reply) => {
        const csrf = request.body._csrf;
        const reporter = await signedInReporter(request, reply, { page: 'sign_out', csrf });
        if (!reporter) return reply;
        await deleteReporterSession(db(), reporter.session.idHash);
        clearReceiptCookie(reply, config());
        return redirectTo(reply, 'signIn', locale, 'signed_out');
      },
    );
  }
}
