import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { encryptBytes, encryptField, type MasterKeys } from '../../core/envelope.ts';
import {
  acceptFile,
  mediaTypeOf,
  safeFileName,
  type FileFamily,
} from '../../core/files/file-content.ts';
import { sanitiseFile } from '../../core/files/sanitise.ts';
import type { DB } from '../../db/schema.ts';

/** 10 MiB: a scanned protocol or a few photos; larger evidence goes through the case team. */
export const MAX_STORED_FILE_BYTES = 10 * 1024 * 1024;

export interface StoreFileInput {
  /** What the file is for (e.g. 'unar_protocol'); decides nothing but is kept for retention. */
  purpose: string;
  bytes: Buffer;
  /** The name the client gave; kept only in its safe form, encrypted. */
  fileName: string;
  actorId: string | null;
  /** The families this purpose accepts, checked against the content. */
  accept: readonly FileFamily[];
  maxBytes?: number;
}

export interface StoredFile {
  id: string;
  mediaType: string;
  sizeBytes: number;
  fileName: string;
}

export const fileContext = (id: string) => ({
  table: 'stored_files',
  column: 'content',
  rowId: id,
});
export const fileNameContext = (id: string) => ({
  table: 'stored_files',
  column: 'file_name',
  rowId: id,
});

export interface PreparedFile {
  family: FileFamily;
  mediaType: string;
  fileName: string;
  clean: Buffer;
}

/**
 * Recognises the file by its content and removes its metadata (images re-encoded): the slow
 * part, done before a transaction is opened. Throws `FileRefusedError` for what may not be
 * stored.
 */
export async function prepareFile(
  input: Pick<StoreFileInput, 'bytes' | 'fileName' | 'accept' | 'maxBytes'>,
): Promise<PreparedFile> {
  const maxBytes = input.maxBytes ?? MAX_STORED_FILE_BYTES;
  const family = await acceptFile(input.bytes, input.accept, maxBytes);
  const clean = await sanitiseFile(input.bytes, family);
  return {
    family,
    mediaType: mediaTypeOf[family],
    fileName: safeFileName(input.fileName, family),
    clean,
  };
}

/** Encrypts a prepared file and stores it. The size is the sanitised one a download returns. */
export async function insertFile(
  db: Kysely<DB>,
  keys: MasterKeys,
  prepared: PreparedFile,
  owner: { purpose: string; actorId: string | null },
): Promise<StoredFile> {
  const id = randomUUID();
  const { clean, fileName, mediaType } = prepared;
  await db
    .insertInto('stored_files')
    .values({
      id,
      purpose: owner.purpose,
      media_type: mediaType,
      size_bytes: clean.length,
      file_name_encrypted: encryptField(keys, fileNameContext(id), fileName),
      content: encryptBytes(keys, fileContext(id), clean),
      created_by: owner.actorId,
    })
    .execute();
  return { id, mediaType, sizeBytes: clean.length, fileName };
}

/** `prepareFile` then `insertFile`, for callers with nothing to do in between. */
export async function storeFile(
  db: Kysely<DB>,
  keys: MasterKeys,
  input: StoreFileInput,
): Promise<StoredFile> {
  return insertFile(db, keys, await prepareFile(input), {
    purpose: input.purpose,
    actorId: input.actorId,
  });
}
