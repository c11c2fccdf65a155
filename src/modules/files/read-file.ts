import type { Kysely } from 'kysely';
import { decryptBytes, decryptField, type MasterKeys } from '../../core/envelope.ts';
import type { DB } from '../../db/schema.ts';
import { fileContext, fileNameContext } from './store-file.ts';

export interface FileDescription {
  id: string;
  purpose: string;
  mediaType: string;
  sizeBytes: number;
  fileName: string;
  createdAt: Date;
}

async function load(db: Kysely<DB>, keys: MasterKeys, id: string, withContent: boolean) {
  const row = await db
    .selectFrom('stored_files')
    .select(['id', 'purpose', 'media_type', 'size_bytes', 'file_name_encrypted', 'created_at'])
    .$if(withContent, (query) => query.select('content'))
    .where('id', '=', id)
    .where('erased_at', 'is', null)
    .executeTakeFirst();
  if (!row?.file_name_encrypted) return undefined;
  const description: FileDescription = {
    id: row.id,
    purpose: row.purpose,
    mediaType: row.media_type,
    sizeBytes: row.size_bytes,
    fileName: decryptField(keys, fileNameContext(row.id), row.file_name_encrypted),
    createdAt: row.created_at,
  };
  return { description, content: row.content };
}

/** What a stored file is, without its content; undefined when missing or erased. */
export async function describeFile(
  db: Kysely<DB>,
  keys: MasterKeys,
  id: string,
): Promise<FileDescription | undefined> {
  return (await load(db, keys, id, false))?.description;
}

/** The decrypted content of a stored file; undefined when missing or erased. */
export async function readFile(
  db: Kysely<DB>,
  keys: MasterKeys,
  id: string,
): Promise<(FileDescription & { bytes: Buffer }) | undefined> {
  const found = await load(db, keys, id, true);
  if (!found?.content) return undefined;
  const { content } = found;
  const sealed = Buffer.from(content.buffer, content.byteOffset, content.byteLength);
  return { ...found.description, bytes: decryptBytes(keys, fileContext(id), sealed) };
}
