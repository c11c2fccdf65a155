import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../core/errors.ts';
import { issueFormToken } from '../../core/intake-guard.ts';
import { csrfTokenFor } from '../../http/csrf.ts';
import { languageTag, reportLocales, type ReportLocale } from '../../i18n/i18n.ts';
import { MAX_STORED_FILE_BYTES } from '../files/store-file.ts';
import { preferredReportLocale, rememberLocale } from '../public-site/language.ts';
import { loadDraft } from './draft-store.ts';
import type { FormBody } from './draft.ts';
import { renderIntroPage } from './outcome-pages.ts';
import { evidencePostPath, formEntryPaths, formPath, sendPath, stepKeyOf } from './paths.ts';
import { renderReviewPage } from './review-page.ts';
import { saveEvidence, saveStep } from './save-step.ts';
import { sendReport } from './send-report.ts';
import { renderStepPage } from './show-step.ts';
import { MAX_EVIDENCE_FILES } from './step-evidence.ts';

/** Any urlencoded form: strings or repeated strings, bounded; the steps validate the rest. */
const formBody = z
  .record(
    z.string().max(100),
    z.union([z.string().max(100_000), z.array(z.string().max(100_000)).max(100)]),
  )
  .optional();
const stepParams = z.object({ step: z.string().max(20) });
const stepQuery = z.object({ review: z.string().max(10).optional() });

function sendHtml(reply: FastifyReply, locale: ReportLocale, page: string) {
  // Form pages hold what the reporter typed: never cached, so Back asks the server again.
  return reply
    .type('text/html; charset=utf-8')
    .header('content-language', languageTag(locale))
    .header('cache-control', 'no-store')
    .send(page);
}

/**
 * The public report form ("segnalazione"): one page per step, each answer stored server-side in
 * an encrypted draft, and the final submission that creates the case and shows the receipt
 * once. Steps touch only the reporter's own draft and write no audit rows; the submission
 * writes `reports.submitted` with the case id.
 */
export async function reportFormRoutes(fastify: FastifyInstance): Promise<void> {
  await fastify.register(fastifyMultipart, {
    limits: {
      fileSize: MAX_STORED_FILE_BYTES,
      files: MAX_EVIDENCE_FILES,
      fields: 10,
      parts: MAX_EVIDENCE_FILES + 10,
      fieldSize: 1000,
    },
    throwFileSizeLimit: false,
  });
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;
  const config = () => app.deps.config;

  for (const entry of formEntryPaths) {
    app.get(
      entry,
      {
        config: { permission: 'public', audit: null },
        schema: {
          tags: ['report-form'],
          summary: 'Report a discrimination: opens the form in the preferred language',
          hide: true,
        },
      },
      (request, reply) =>
        reply
          .header('vary', 'Cookie, Accept-Language')
          .header('cache-control', 'no-store')
          .redirect(formPath(preferredReportLocale(request)), 302),
    );
  }

  for (const locale of reportLocales) {
    const tags = ['report-form'];
    app.get(
      formPath(locale),
      {
        config: { permission: 'public', audit: null },
        schema: { tags, summary: `Report a discrimination: start (${locale})`, hide: true },
      },
      async (request, reply) => {
        request.pageLocale = locale;
        rememberLocale(reply, config(), locale);
        const draft = await loadDraft(db(), config(), request);
        return sendHtml(reply, locale, renderIntroPage(locale, draft !== null));
      },
    );

    app.get(
      `${formPath(locale)}/:step`,
      {
        config: { permission: 'public', audit: null },
        schema: {
          tags,
          summary: `Report a discrimination: one step (${locale})`,
          hide: true,
          params: stepParams,
          querystring: stepQuery,
        },
      },
      async (request, reply) => {
        request.pageLocale = locale;
        const step = stepKeyOf(request.params.step);
        if (!step) throw notFound();
        rememberLocale(reply, config(), locale);
        const now = new Date();
        const draft = await loadDraft(db(), config(), request, now);
        const data = draft?.data ?? {};
        const csrfToken = csrfTokenFor(request, reply, config());
        const formToken = draft?.data.formToken ?? issueFormToken(config().hashKey, now.getTime());
        if (step === 'review') {
          return sendHtml(
            reply,
            locale,
            renderReviewPage({ locale, data, problems: [], csrfToken, formToken }),
          );
        }
        return sendHtml(
          reply,
          locale,
          renderStepPage({
            locale,
            step,
            data,
            saved: data,
            problems: [],
            csrfToken,
            formToken,
            fromReview: request.query.review === '1',
            now,
          }),
        );
      },
    );

    app.post(
      `${formPath(locale)}/:step`,
      {
        config: { permission: 'public', audit: null },
        schema: {
          tags,
          summary: `Report a discrimination: save one step (${locale})`,
          hide: true,
          params: stepParams,
          body: formBody,
        },
      },
      async (request: FastifyRequest<{ Params: { step: string }; Body: FormBody }>, reply) => {
        request.pageLocale = locale;
        const step = stepKeyOf(request.params.step);
        if (!step || step === 'review' || step === 'evidence') throw notFound();
        return saveStep(db(), config(), step, request, reply);
      },
    );

    app.post(
      evidencePostPath(locale),
      {
        // The multipart body is read by the handler, which checks the CSRF token itself.
        config: { permission: 'public', audit: null, csrfExempt: true },
        schema: {
          tags,
          summary: `Report a discrimination: upload evidence (${locale})`,
          hide: true,
        },
      },
      async (request, reply) => {
        request.pageLocale = locale;
        return saveEvidence(db(), config(), request, reply);
      },
    );

    app.post(
      sendPath(locale),
      {
        config: { permission: 'public', audit: 'reports.submitted' },
        schema: {
          tags,
          summary: `Report a discrimination: send (${locale})`,
          hide: true,
          body: formBody,
        },
      },
      async (request: FastifyRequest<{ Body: FormBody }>, reply) => {
        request.pageLocale = locale;
        return sendReport(db(), config(), request, reply);
      },
    );
  }
}
