import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Config } from '../../config.ts';
import { AppError } from '../../core/errors.ts';
import { checkFormToken, issueFormToken } from '../../core/intake-guard.ts';
import type { DB } from '../../db/schema.ts';
import { csrfTokenFor, isValidCsrfToken } from '../../http/csrf.ts';
import type { PlaceMatch } from '../public-site/find-desk/desks.ts';
import { loadDraft, saveDraft, type Draft } from './draft-store.ts';
import { takeEvidenceUpload, takeNewDraft } from './intake-limits.ts';
import { field, type DraftData, type FieldProblem, type FormBody } from './draft.ts';
import { stepPath } from './paths.ts';
import { translator } from './page.ts';
import { nextStep, renderStepPage, type FormStep } from './show-step.ts';
import { parseContact } from './step-contact.ts';
import { readEvidenceUpload, removeEvidence, storeEvidence } from './step-evidence.ts';
import { parseWhat } from './step-what.ts';
import { parseWhen } from './step-when.ts';
import { parseWhere } from './step-where.ts';
import { parseWho } from './step-who.ts';
import { parseWhy } from './step-why.ts';

type Answer = Partial<Omit<DraftData, 'formToken'>>;

interface Parsed {
  ok: boolean;
  answer: Answer;
  problems: FieldProblem[];
  suggestions?: PlaceMatch[];
}

async function parseStep(
  db: Kysely<DB>,
  step: FormStep,
  body: FormBody,
  request: FastifyRequest,
  now: Date,
): Promise<Parsed> {
  const locale = request.pageLocale;
  const wrap = <K extends keyof Answer>(
    key: K,
    outcome:
      { ok: true; value: Answer[K] } | { ok: false; typed: Answer[K]; problems: FieldProblem[] },
  ): Parsed =>
    outcome.ok
      ? { ok: true, answer: { [key]: outcome.value }, problems: [] }
      : { ok: false, answer: { [key]: outcome.typed }, problems: outcome.problems };
  switch (step) {
    case 'what':
      return wrap('narrative', parseWhat(body, locale));
    case 'when':
      return wrap('when', parseWhen(body, locale, now));
    case 'where': {
      const { outcome, suggestions } = await parseWhere(db, body, locale);
      return { ...wrap('where', outcome), suggestions };
    }
    case 'who':
      return wrap('who', parseWho(body, locale));
    case 'why':
      return wrap('why', parseWhy(body, locale));
    case 'contact':
      return wrap('contact', parseContact(body, locale));
    case 'evidence':
      // Evidence arrives as multipart at its own address (saveEvidence).
      return { ok: true, answer: {}, problems: [] };
  }
}

/** The form token of a new draft: the one the page carried if genuine, else a new one. */
function tokenFor(config: Config, draft: Draft | null, posted: string, now: Date): string {
  if (draft) return draft.data.formToken;
  const check = checkFormToken(config.hashKey, posted, now.getTime());
  return check.ok || check.problem === 'too_fast'
    ? posted
    : issueFormToken(config.hashKey, now.getTime());
}

function afterSaving(
  reply: FastifyReply,
  request: FastifyRequest,
  step: FormStep,
  body: Record<string, unknown>,
) {
  const target = body['return'] === 'review' ? 'review' : nextStep(step);
  return reply
    .header('cache-control', 'no-store')
    .redirect(stepPath(request.pageLocale, target), 303);
}

function sendStepPage(reply: FastifyReply, page: string, status = 400) {
  return reply
    .code(status)
    .header('cache-control', 'no-store')
    .type('text/html; charset=utf-8')
    .send(page);
}

/**
 * One step's answer: valid, it is stored in the draft and the browser is sent to the next step
 * (Post/Redirect/Get, so Back shows it again); invalid, the same step comes back with what was
 * typed and each problem named.
 */
export async function saveStep(
  db: Kysely<DB>,
  config: Config,
  step: FormStep,
  request: FastifyRequest<{ Body: FormBody }>,
  reply: FastifyReply,
) {
  const now = new Date();
  const body = request.body ?? {};
  const draft = await loadDraft(db, config, request, now);
  const parsed = await parseStep(db, step, body, request, now);
  const formToken = tokenFor(config, draft, field(body, 'form_token', 200), now);
  const saved: Partial<DraftData> = draft?.data ?? {};
  if (!parsed.ok) {
    return sendStepPage(
      reply,
      renderStepPage({
        locale: request.pageLocale,
        step,
        data: { ...saved, ...parsed.answer },
        saved,
        problems: parsed.problems,
        csrfToken: csrfTokenFor(request, reply, config),
        formToken,
        fromReview: body['return'] === 'review',
        suggestions: parsed.suggestions ?? [],
        now,
      }),
    );
  }
  const wait = draft ? 0 : await takeNewDraft(db, config, request.ip, now);
  if (wait > 0) {
    // Nothing is stored, and the page comes back with what was typed, to send again later.
    reply.header('retry-after', wait);
    return sendStepPage(
      reply,
      renderStepPage({
        locale: request.pageLocale,
        step,
        data: { ...saved, ...parsed.answer },
        saved,
        problems: [limitProblem(request, 'drafts', wait)],
        csrfToken: csrfTokenFor(request, reply, config),
        formToken,
        fromReview: body['return'] === 'review',
        suggestions: parsed.suggestions ?? [],
        now,
      }),
      429,
    );
  }
  await saveDraft(db, config, reply, draft, { ...saved, ...parsed.answer, formToken });
  return afterSaving(reply, request, step, body);
}

/** The message of a per-address limit, at the top of the page (it concerns no one field). */
function limitProblem(request: FastifyRequest, limit: 'drafts' | 'evidence', wait: number) {
  const minutes = Math.max(1, Math.ceil(wait / 60));
  return { field: 'main', message: translator(request.pageLocale)(`limits.${limit}`, { minutes }) };
}

/** Step 6: files arrive as multipart; the CSRF token is checked here, once the body is read. */
export async function saveEvidence(
  db: Kysely<DB>,
  config: Config,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const now = new Date();
  const upload = await readEvidenceUpload(request);
  if (!isValidCsrfToken(request, config, upload.fields['_csrf']))
    throw new AppError('csrf_invalid');
  let draft = await loadDraft(db, config, request, now);
  const formToken = tokenFor(config, draft, upload.fields['form_token'] ?? '', now);
  const saved: Partial<DraftData> = draft?.data ?? {};
  const draftWait = draft ? 0 : await takeNewDraft(db, config, request.ip, now);
  const wait =
    draftWait || (await takeEvidenceUpload(db, config, request.ip, upload.files.length, now));
  if (wait > 0) {
    // None of the files is stored; the draft and the files it already holds stay as they were.
    reply.header('retry-after', wait);
    return sendStepPage(
      reply,
      renderStepPage({
        locale: request.pageLocale,
        step: 'evidence',
        data: saved,
        saved,
        problems: [limitProblem(request, draftWait ? 'drafts' : 'evidence', wait)],
        csrfToken: csrfTokenFor(request, reply, config),
        formToken,
        fromReview: upload.fields['return'] === 'review',
        now,
      }),
      429,
    );
  }
  const stored = await storeEvidence(db, config, request.pageLocale, saved.files ?? [], upload);
  const removeId = upload.fields['remove'];
  const files = removeId ? await removeEvidence(db, stored.files, removeId) : stored.files;
  draft = await saveDraft(
    db,
    config,
    reply,
    draft,
    { ...saved, files, formToken },
    files.map((file) => file.id),
  );
  const fromReview = upload.fields['return'] === 'review';
  if (stored.problems.length > 0 || removeId || upload.fields['go'] !== 'next') {
    if (stored.problems.length === 0) {
      const back = `${stepPath(request.pageLocale, 'evidence')}${fromReview ? '?review=1' : ''}`;
      return reply.header('cache-control', 'no-store').redirect(back, 303);
    }
    return sendStepPage(
      reply,
      renderStepPage({
        locale: request.pageLocale,
        step: 'evidence',
        data: draft.data,
        saved: draft.data,
        problems: stored.problems,
        csrfToken: csrfTokenFor(request, reply, config),
        formToken,
        fromReview,
        now,
      }),
    );
  }
  return afterSaving(reply, request, 'evidence', upload.fields);
}
