import type { Kysely } from 'kysely';
import type { Config } from '../../config.ts';
import type { FileFamily } from '../../core/files/file-content.ts';
import type { DB } from '../../db/schema.ts';
import { insertFile, type PreparedFile } from '../files/store-file.ts';
import { recordCaseEvent } from '../cases/case-events.ts';
import { lockLiveCase } from '../cases/live-case.ts';

/** Evidence a reporter may add: photos and screenshots, PDF documents, plain text. */
export const evidenceAccept: readonly FileFamily[] = ['jpeg', 'png', 'webp', 'pdf', 'text'];
export const MAX_EVIDENCE_FILES = 5;
export const MAX_ADDED_TEXT_LENGTH = 10_000;

export interface AddedInformation {
  caseId: string;
  /** What the reporter wrote; may be empty when only files are sent. */
  text: string;
  /** Files already recognised and cleaned of metadata (`prepareFile`). */
  files: PreparedFile[];
}

/**
 * Adds what the reporter sent later to their case: the text goes on the timeline, sealed, and
 * the files become the reporter's documents of the case. All of it or nothing, and nothing on
 * a case erased meanwhile (`CaseErasedError`, a 409).
 */
export async function addInformation(
  db: Kysely<DB>,
  config: Config,
  input: AddedInformation,
  now = new Date(),
): Promise<{ eventId: number; documentIds: string[] }> {
  return db.transaction().execute(async (trx) => {
    await lockLiveCase(trx, input.caseId);
    const documentIds: string[] = [];
    const fileIds: string[] = [];
    for (const prepared of input.files) {
      const stored = await insertFile(trx, config.masterKeys, prepared, {
        purpose: 'report_evidence',
        actorId: null,
      });
      fileIds.push(stored.id);
      const document = await trx
        .insertInto('case_documents')
        .values({
          case_id: input.caseId,
          file_id: stored.id,
          source: 'reporter',
          added_by: null,
          added_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      documentIds.push(document.id);
    }
    const text = input.text.trim();
    // The text is sealed to the event's own row (see recordCaseEvent for how the id is had).
    const eventId = await recordCaseEvent(trx, config, {
      caseId: input.caseId,
      kind: 'reporter_added_information',
      actorUserId: null,
      byReporter: true,
      details: { files: fileIds.length, documentIds, text: text !== '' },
      body: text === '' ? null : text,
      at: now,
    });
    return { eventId, documentIds };
  });
}
