import type { Kysely } from 'kysely';
import type { MasterKeys } from '../../core/envelope.ts';
import { notFound } from '../../core/errors.ts';
import type { FileFamily } from '../../core/files/file-content.ts';
import type { Actor } from '../../core/policy.ts';
import type { DB } from '../../db/schema.ts';
import { eraseFile } from '../files/erase-file.ts';
import { describeFile, readFile, type FileDescription } from '../files/read-file.ts';
import { insertFile, type PreparedFile } from '../files/store-file.ts';
import { recordChange, type ActionContext } from './record-change.ts';

export const UNAR_PROTOCOL_PURPOSE = 'unar_protocol';
/** A signed protocol is a PDF (a scan or the signed original). */
export const unarProtocolAccept: readonly FileFamily[] = ['pdf'];

/**
 * Who may open the signed protocol: it carries the signatories' names and signatures, so only
 * the people of that organisation who work on its records and those who manage it (network
 * admins, its node coordinators). Others, auditors included, are answered 404.
 */
export function canReadUnarProtocol(actor: Actor, organisationId: string): boolean {
  return actor.memberships.some(
    (membership) =>
      membership.role === 'network_admin' ||
      (membership.organisationId === organisationId &&
        ['operator', 'legal_expert', 'node_coordinator'].includes(membership.role)),
  );
}

export interface UnarProtocolDocument {
  fileName: string;
  sizeBytes: number;
  uploadedAt: string;
}

async function currentFileId(db: Kysely<DB>, organisationId: string, forUpdate: boolean) {
  const row = await db
    .selectFrom('organisations')
    .select('unar_protocol_file_id')
    .where('id', '=', organisationId)
    .$if(forUpdate, (query) => query.forUpdate())
    .executeTakeFirst();
  if (!row) throw notFound();
  return row.unar_protocol_file_id;
}

function present(description: FileDescription): UnarProtocolDocument {
  return {
    fileName: description.fileName,
    sizeBytes: description.sizeBytes,
    uploadedAt: description.createdAt.toISOString(),
  };
}

/** What the organisation's protocol document is, for the organisation record; null if none. */
export async function describeUnarProtocol(
  db: Kysely<DB>,
  keys: MasterKeys,
  fileId: string | null,
): Promise<UnarProtocolDocument | null> {
  if (!fileId) return null;
  const description = await describeFile(db, keys, fileId);
  return description ? present(description) : null;
}

/** The protocol document's bytes; 404 when the organisation has none. */
export async function readUnarProtocol(db: Kysely<DB>, keys: MasterKeys, organisationId: string) {
  const fileId = await currentFileId(db, organisationId, false);
  const file = fileId ? await readFile(db, keys, fileId) : undefined;
  if (!file) throw notFound();
  return file;
}

/**
 * Stores the (already checked and cleaned) document as the organisation's protocol; a previous
 * one is erased. The history row names the file (its safe name), never its content.
 */
export async function attachUnarProtocol(
  db: Kysely<DB>,
  keys: MasterKeys,
  organisationId: string,
  prepared: PreparedFile,
  context: ActionContext,
): Promise<UnarProtocolDocument> {
  return db.transaction().execute(async (trx) => {
    const previousId = await currentFileId(trx, organisationId, true);
    const previous = previousId ? await describeFile(trx, keys, previousId) : undefined;
    const stored = await insertFile(trx, keys, prepared, {
      purpose: UNAR_PROTOCOL_PURPOSE,
      actorId: context.actor.userId,
    });
    await trx
      .updateTable('organisations')
      .set({ unar_protocol_file_id: stored.id, updated_at: new Date() })
      .where('id', '=', organisationId)
      .execute();
    if (previousId) await eraseFile(trx, previousId);
    await recordChange(trx, context, {
      organisationId,
      changeKind: 'updated',
      changes: { unarProtocolDocument: { from: previous?.fileName ?? null, to: stored.fileName } },
      action: 'organisations.unar_document_uploaded',
    });
    const description = await describeFile(trx, keys, stored.id);
    if (!description) throw new Error('stored file vanished in its own transaction');
    return present(description);
  });
}

/** Erases the protocol document; answers false (and records nothing) when there was none. */
export async function removeUnarProtocol(
  db: Kysely<DB>,
  keys: MasterKeys,
  organisationId: string,
  context: ActionContext,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const fileId = await currentFileId(trx, organisationId, true);
    if (!fileId) return false;
    const previous = await describeFile(trx, keys, fileId);
    await trx
      .updateTable('organisations')
      .set({ unar_protocol_file_id: null, updated_at: new Date() })
      .where('id', '=', organisationId)
      .execute();
    await eraseFile(trx, fileId);
    await recordChange(trx, context, {
      organisationId,
      changeKind: 'updated',
      changes: { unarProtocolDocument: { from: previous?.fileName ?? null, to: null } },
      action: 'organisations.unar_document_removed',
    });
    return true;
  });
}
