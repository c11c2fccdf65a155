import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

/**
 * Erases a file's content and name for good (retention, erasure requests, replacement); the row
 * stays so what referred to it still shows that a file existed and when it went.
 * Answers whether there was something to erase.
 */
export async function eraseFile(db: Kysely<DB>, id: string): Promise<boolean> {
  const result = await db
    .updateTable('stored_files')
    .set({ content: null, file_name_encrypted: null, erased_at: new Date() })
    .where('id', '=', id)
    .where('erased_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
