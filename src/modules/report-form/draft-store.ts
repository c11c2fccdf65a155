import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Config } from '../../config.ts';
import { keyedHash, randomToken } from '../../core/keyed-hash.ts';
import type { DB } from '../../db/schema.ts';
import { hostCookieName, secureCookies } from '../../http/csrf.ts';
import { seal, unseal } from '../cases/sealed-fields.ts';
import { eraseFile } from '../files/erase-file.ts';
import type { DraftData } from './draft.ts';

/** The cookie holding the random draft id; its keyed hash is the row's key. */
export const DRAFT_COOKIE = 'osservatorio_report';
export const DRAFT_LIFETIME_MS = 4 * 60 * 60_000;

export interface Draft {
  /** The cookie's random id, to renew the cookie on every save. */
  id: string;
  idHash: string;
  data: DraftData;
  fileIds: string[];
}

function draftIdHash(config: Config, id: string): string {
  return keyedHash(config.hashKey, 'report-draft', id);
}

function sealDraft(config: Config, idHash: string, data: DraftData): string {
  return seal(config.masterKeys, 'report_drafts', 'data_enc', idHash, JSON.stringify(data))!;
}

/** The draft of this browser, if it has one that has not expired. */
export async function loadDraft(
  db: Kysely<DB>,
  config: Config,
  request: FastifyRequest,
  now = new Date(),
): Promise<Draft | null> {
  const id = request.cookies[hostCookieName(config, DRAFT_COOKIE)];
  if (!id || id.length < 32 || id.length > 100) return null;
  const idHash = draftIdHash(config, id);
  const row = await db
    .selectFrom('report_drafts')
    .select(['data_enc', 'file_ids'])
    .where('id_hash', '=', idHash)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  if (!row) return null;
  const json = unseal(config.masterKeys, 'report_drafts', 'data_enc', idHash, row.data_enc);
  return { id, idHash, data: JSON.parse(json ?? '{}') as DraftData, fileIds: row.file_ids };
}

/**
 * Drafts left behind expire: their rows go and so do the evidence files uploaded to them.
 * Run when a new draft starts and by the `report-form.purge-expired-drafts` job, so a form
 * nobody uses any more does not keep them. Deletes at most `batch` drafts; answers how many.
 */
export async function purgeExpiredDrafts(db: Kysely<DB>, now: Date, batch = 100): Promise<number> {
  const expired = await db
    .selectFrom('report_drafts')
    .select(['id_hash', 'file_ids'])
    .where('expires_at', '<=', now)
    .limit(batch)
    .execute();
  for (const row of expired) {
    for (const fileId of row.file_ids) await eraseFile(db, fileId);
    await db.deleteFrom('report_drafts').where('id_hash', '=', row.id_hash).execute();
  }
  return expired.length;
}

/**
 * One cookie for every language's form (so switching language keeps the draft), named
 * `__Host-…` over HTTPS, hence Path=/.
 */
function setDraftCookie(reply: FastifyReply, config: Config, value: string, maxAge: number) {
  reply.setCookie(hostCookieName(config, DRAFT_COOKIE), value, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: secureCookies(config),
    maxAge,
  });
}

/**
 * Saves the draft (creating it, and its cookie, on the first answer); the clock restarts, for
 * the row and the cookie alike.
 */
export async function saveDraft(
  db: Kysely<DB>,
  config: Config,
  reply: FastifyReply,
  draft: Draft | null,
  data: DraftData,
  fileIds?: string[],
  now = new Date(),
): Promise<Draft> {
  const expiresAt = new Date(now.getTime() + DRAFT_LIFETIME_MS);
  if (draft) {
    await db
      .updateTable('report_drafts')
      .set({
        data_enc: sealDraft(config, draft.idHash, data),
        expires_at: expiresAt,
        ...(fileIds ? { file_ids: fileIds } : {}),
      })
      .where('id_hash', '=', draft.idHash)
      .execute();
    setDraftCookie(reply, config, draft.id, DRAFT_LIFETIME_MS / 1000);
    return { id: draft.id, idHash: draft.idHash, data, fileIds: fileIds ?? draft.fileIds };
  }
  await purgeExpiredDrafts(db, now);
  const id = randomToken();
  const idHash = draftIdHash(config, id);
  await db
    .insertInto('report_drafts')
    .values({
      id_hash: idHash,
      data_enc: sealDraft(config, idHash, data),
      file_ids: fileIds ?? [],
      expires_at: expiresAt,
    })
    .execute();
  setDraftCookie(reply, config, id, DRAFT_LIFETIME_MS / 1000);
  return { id, idHash, data, fileIds: fileIds ?? [] };
}

/** The report was sent (its files now belong to the case): the draft and its cookie go. */
/** Deletes the draft's row; inside the sending transaction, so it goes only with the report. */
export async function deleteDraft(db: Kysely<DB>, draft: Draft): Promise<void> {
  await db.deleteFrom('report_drafts').where('id_hash', '=', draft.idHash).execute();
}

/** Clears the draft cookie: only once the report is stored, or a failure would lose the draft. */
export function forgetDraftCookie(reply: FastifyReply, config: Config): void {
  setDraftCookie(reply, config, '', 0);
}
