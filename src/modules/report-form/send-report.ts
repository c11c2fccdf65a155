import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Config } from '../../config.ts';
import { checkConsentChoices } from '../../core/cases/consent.ts';
import {
  checkFormToken,
  FORM_TOKEN_MAX_AGE_MS,
  issueFormToken,
  submissionWeight,
  verifyProofOfWork,
} from '../../core/intake-guard.ts';
import { keyedHash } from '../../core/keyed-hash.ts';
import { throttleAddress } from '../../core/address-key.ts';
import type { DB } from '../../db/schema.ts';
import { csrfTokenFor } from '../../http/csrf.ts';
import { auditedTransaction } from '../../http/request-audit.ts';
import { lockedFor, takeAttempt, type ThrottleRule } from '../auth/throttle.ts';
import { createCase, type NewCase } from '../cases/create-case.ts';
import type { ReporterContact } from '../cases/sealed-fields.ts';
import { deleteDraft, forgetDraftCookie, loadDraft, saveDraft, type Draft } from './draft-store.ts';
import { field, type DraftData, type FormBody } from './draft.ts';
import { DONT_KNOW } from './options.ts';
import { renderReceiptPage, renderRefusalPage, type RefusalReason } from './outcome-pages.ts';
import { missingParts, renderReviewPage } from './review-page.ts';
import { occurredOn } from './step-when.ts';

/**
 * Per address: 10 weighted submissions an hour (a submission without the proof of work counts
 * 3). The address is only ever a keyed hash in the throttle table, never stored as such.
 */
export const reportAddressRule: ThrottleRule = {
  maxFailures: 10,
  windowMinutes: 60,
  lockMinutes: 60,
};

export function reportAddressKey(config: Config, address: string): string {
  return keyedHash(config.hashKey, 'throttle:report-address', throttleAddress(address));
}

const refusalStatus: Record<RefusalReason, number> = {
  already_sent: 409,
  too_fast: 400,
  invalid_token: 400,
  expired_token: 400,
  replayed: 400,
  honeypot: 400,
  limited: 429,
};

function refuse(
  reply: FastifyReply,
  locale: FastifyRequest['pageLocale'],
  reason: RefusalReason,
  retryAfter = 0,
) {
  if (retryAfter > 0) reply.header('retry-after', retryAfter);
  return reply
    .code(refusalStatus[reason])
    .header('cache-control', 'no-store')
    .type('text/html; charset=utf-8')
    .send(renderRefusalPage(locale, reason, Math.max(1, Math.ceil(retryAfter / 60))));
}

/** The case as createCase takes it, from the reporter's answers mapped to taxonomy codes. */
export function newCaseOf(data: DraftData, locale: string): NewCase {
  const contact = data.contact!;
  const reporterContact: ReporterContact | null =
    contact.mode === 'contact'
      ? {
          name: contact.name || null,
          email: contact.email || null,
          phone: contact.phone || null,
          preference: contact.preference || null,
        }
      : null;
  const when = occurredOn(data.when);
  const where = data.where;
  const who = data.who;
  return {
    source: 'public_form',
    channel: 'web_form',
    narrative: data.narrative!,
    occurredOn: when.occurredOn,
    occurredPrecision: when.precision,
    municipalityCode: where?.municipalityCode ?? null,
    online: where?.kind === 'online',
    onlineLink: where?.onlineLink || null,
    placeDetail: where?.placeDetail || null,
    perpetratorDetail: who?.perpetratorDetail || null,
    contact: reporterContact,
    locale,
    reporterRole: who?.role || null,
    grounds: data.why?.grounds ?? [],
    domains: where?.domain && where.domain !== DONT_KNOW ? [where.domain] : [],
    perpetratorSectors: who?.perpetrator && who.perpetrator !== DONT_KNOW ? [who.perpetrator] : [],
    victimProfile: data.why?.profile ?? {},
    consents: contact.consents,
    createdBy: null,
    evidenceFileIds: (data.files ?? []).map((file) => file.id),
    issueReceipt: true,
  };
}

async function consumeNonce(
  db: Kysely<DB>,
  config: Config,
  nonce: string,
  issuedAt: number,
  now: Date,
) {
  await db.deleteFrom('report_form_nonces').where('expires_at', '<', now).execute();
  const inserted = await db
    .insertInto('report_form_nonces')
    .values({
      nonce_hash: keyedHash(config.hashKey, 'report-form-nonce', nonce),
      expires_at: new Date(issuedAt + FORM_TOKEN_MAX_AGE_MS),
    })
    .onConflict((conflict) => conflict.column('nonce_hash').doNothing())
    .returning('nonce_hash')
    .executeTakeFirst();
  return inserted !== undefined;
}

/** A token that failed is replaced in the draft, so the reporter can simply send again. */
async function renewToken(
  db: Kysely<DB>,
  config: Config,
  reply: FastifyReply,
  draft: Draft,
  now: Date,
) {
  await saveDraft(db, config, reply, draft, {
    ...draft.data,
    formToken: issueFormToken(config.hashKey, now.getTime()),
  });
}

/**
 * Sends the report: the spam checks (honeypot, signed single-use token of the right age,
 * per-address limit weighted by the proof of work), then the one intake path, then the receipt
 * page — in this answer only, never stored, never in an address.
 */
export async function sendReport(
  db: Kysely<DB>,
  config: Config,
  request: FastifyRequest<{ Body: FormBody }>,
  reply: FastifyReply,
) {
  const now = new Date();
  const locale = request.pageLocale;
  const body = request.body ?? {};
  const draft = await loadDraft(db, config, request, now);
  if (!draft) return refuse(reply, locale, 'already_sent');

  const addressKey = reportAddressKey(config, request.ip);
  const wait = await lockedFor(db, addressKey, now);
  if (wait > 0) return refuse(reply, locale, 'limited', wait);

  if (field(body, 'website', 200) !== '') {
    await takeAttempt(db, addressKey, reportAddressRule, now);
    return refuse(reply, locale, 'honeypot');
  }
  const tokenValue = field(body, 'form_token', 200);
  const token = checkFormToken(config.hashKey, tokenValue, now.getTime());
  if (!token.ok) {
    if (token.problem === 'too_fast') return refuse(reply, locale, 'too_fast');
    await takeAttempt(db, addressKey, reportAddressRule, now);
    await renewToken(db, config, reply, draft, now);
    return refuse(reply, locale, token.problem === 'expired' ? 'expired_token' : 'invalid_token');
  }

  const data = draft.data;
  const contact = data.contact;
  const problems = missingParts(locale, data);
  const consentProblems = contact
    ? checkConsentChoices(contact.consents, Boolean(contact.email || contact.phone))
    : [];
  if (problems.length > 0 || consentProblems.length > 0) {
    return reply
      .code(400)
      .header('cache-control', 'no-store')
      .type('text/html; charset=utf-8')
      .send(
        renderReviewPage({
          locale,
          data,
          problems,
          csrfToken: csrfTokenFor(request, reply, config),
          formToken: data.formToken,
        }),
      );
  }

  if (!(await consumeNonce(db, config, token.token.nonce, token.token.issuedAt, now))) {
    await takeAttempt(db, addressKey, reportAddressRule, now);
    await renewToken(db, config, reply, draft, now);
    return refuse(reply, locale, 'replayed');
  }
  const proved = verifyProofOfWork(tokenValue, field(body, 'pow_solution', 20));
  // Counted and decided in one statement: the check above is only a shortcut, and concurrent
  // submissions that all passed it are refused here once the limit is reached. The draft stays
  // (with a new token, the nonce is spent), so the reporter can send it when the wait is over.
  const attempt = await takeAttempt(
    db,
    addressKey,
    reportAddressRule,
    now,
    submissionWeight(proved),
  );
  if (!attempt.allowed) {
    await renewToken(db, config, reply, draft, now);
    return refuse(reply, locale, 'limited', attempt.retryAfter);
  }

  // The case, the end of the draft and the audit row commit together: a report is never both
  // stored and still sendable again, nor stored without its audit row.
  const created = await auditedTransaction(db, request, 200, async (trx) => {
    const created = await createCase(trx, config, newCaseOf(data, locale), now);
    await deleteDraft(trx, draft);
    request.auditTarget = {
      type: 'case',
      id: created.id,
      details: { channel: 'web_form', proofOfWork: proved, evidence: (data.files ?? []).length },
    };
    return created;
  });
  forgetDraftCookie(reply, config);
  return reply
    .code(200)
    .header('cache-control', 'no-store')
    .type('text/html; charset=utf-8')
    .send(renderReceiptPage(locale, created.receiptCode!));
}
