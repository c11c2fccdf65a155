import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Config } from '../../config.ts';
import { decryptField } from '../../core/envelope.ts';
import { notFound } from '../../core/errors.ts';
import type { FileFamily } from '../../core/files/file-content.ts';
import type { Actor } from '../../core/policy.ts';
import type { DB } from '../../db/schema.ts';
import type { Locale } from '../../i18n/i18n.ts';
import { eraseFile } from '../files/erase-file.ts';
import { readFile } from '../files/read-file.ts';
import { fileNameContext, insertFile, type PreparedFile } from '../files/store-file.ts';
import { isUuid } from './case-access.ts';
import { recordCaseEvent } from './case-events.ts';
import { lockCase } from './lock-case.ts';
import { seal, unseal } from './sealed-fields.ts';

/** What a desk files on a case: letters, scans, screenshots, notes typed elsewhere. */
export const caseDocumentAccept: readonly FileFamily[] = ['pdf', 'jpeg', 'png', 'webp', 'text'];

/**
 * Attaches a prepared (recognised, cleaned) file to a case: the file is stored encrypted, its
 * description sealed to the document's row, and the timeline says a document was added.
 */
export async function addCaseDocument(
  db: Kysely<DB>,
  config: Config,
  actor: Actor,
  caseId: string,
  prepared: PreparedFile,
  description: string | null,
  locale: Locale,
  now = new Date(),
): Promise<{ id: string }> {
  return db.transaction().execute(async (trx) => {
    await lockCase(trx, caseId, undefined, locale, actor);
    const stored = await insertFile(trx, config.masterKeys, prepared, {
      purpose: 'case_document',
      actorId: actor.id,
    });
    const id = randomUUID();
    await trx
      .insertInto('case_documents')
      .values({
        id,
        case_id: caseId,
        file_id: stored.id,
        source: 'operator',
        description_enc: seal(
          config.masterKeys,
          'case_documents',
          'description_enc',
          id,
          description,
        ),
        added_by: actor.id,
        added_at: now,
      })
      .execute();
    await recordCaseEvent(trx, config, {
      caseId,
      kind: 'document_added',
      actorUserId: actor.id,
      at: now,
      details: { documentId: id, mediaType: stored.mediaType },
    });
    return { id };
  });
}

export interface CaseDocumentView {
  id: string;
  source: 'reporter' | 'operator';
  fileName: string | null;
  mediaType: string;
  sizeBytes: number;
  description: string | null;
  addedBy: { id: string; displayName: string } | null;
  addedAt: string;
  erased: boolean;
}

/** The documents of a case, oldest first; an erased file is listed as such, without its name. */
export async function listCaseDocuments(
  db: Kysely<DB>,
  config: Config,
  caseId: string,
): Promise<CaseDocumentView[]> {
  const rows = await db
    .selectFrom('case_documents')
    .innerJoin('stored_files', 'stored_files.id', 'case_documents.file_id')
    .leftJoin('users', 'users.id', 'case_documents.added_by')
    .select([
      'case_documents.id',
      'case_documents.source',
      'case_documents.description_enc',
      'case_documents.added_by',
      'case_documents.added_at',
      'users.display_name',
      'stored_files.id as file_id',
      'stored_files.media_type',
      'stored_files.size_bytes',
      'stored_files.file_name_encrypted',
      'stored_files.erased_at',
    ])
    .where('case_documents.case_id', '=', caseId)
    .orderBy('case_documents.added_at')
    .orderBy('case_documents.id')
    .execute();
  const keys = config.masterKeys;
  return rows.map((row) => ({
    id: row.id,
    source: row.source,
    fileName:
      row.erased_at === null && row.file_name_encrypted
        ? decryptField(keys, fileNameContext(row.file_id), row.file_name_encrypted)
        : null,
    mediaType: row.media_type,
    sizeBytes: row.size_bytes,
    description: unseal(keys, 'case_documents', 'description_enc', row.id, row.description_enc),
    addedBy:
      row.added_by && row.display_name ? { id: row.added_by, displayName: row.display_name } : null,
    addedAt: row.added_at.toISOString(),
    erased: row.erased_at !== null,
  }));
}

async function documentFile(db: Kysely<DB>, caseId: string, rawId: string) {
  if (!isUuid(rawId)) throw notFound();
  const row = await db
    .selectFrom('case_documents')
    .select(['id', 'file_id'])
    .where('id', '=', rawId.toLowerCase())
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  if (!row) throw notFound();
  return row;
}

/** One document's decrypted content; 404 for another case's document or an erased file. */
export async function readCaseDocument(
  db: Kysely<DB>,
  config: Config,
  caseId: string,
  rawId: string,
) {
  const row = await documentFile(db, caseId, rawId);
  const file = await readFile(db, config.masterKeys, row.file_id);
  if (!file) throw notFound();
  return { documentId: row.id, ...file };
}

/**
 * Removes a document: its content, name and description are erased for good; the row stays so
 * the timeline still shows that a document existed and when it went.
 */
export async function removeCaseDocument(
  db: Kysely<DB>,
  config: Config,
  actor: Actor,
  caseId: string,
  rawId: string,
  locale: Locale,
  now = new Date(),
): Promise<{ id: string }> {
  const row = await documentFile(db, caseId, rawId);
  return db.transaction().execute(async (trx) => {
    await lockCase(trx, caseId, undefined, locale, actor);
    if (!(await eraseFile(trx, row.file_id))) throw notFound();
    await trx
      .updateTable('case_documents')
      .set({ description_enc: null })
      .where('id', '=', row.id)
      .execute();
    await recordCaseEvent(trx, config, {
      caseId,
      kind: 'document_removed',
      actorUserId: actor.id,
      at: now,
      details: { documentId: row.id },
    });
    return { id: row.id };
  });
}
