import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

export interface ProfileChanges {
  displayName?: string | undefined;
  preferredLanguage?: 'it' | 'en' | undefined;
}

/** Changes an account's name and language; answers the fields it changed (for the audit row). */
export async function updateUserProfile(
  db: Kysely<DB>,
  userId: string,
  changes: ProfileChanges,
): Promise<string[]> {
  const values: { display_name?: string; preferred_language?: 'it' | 'en' } = {};
  if (changes.displayName !== undefined) values.display_name = changes.displayName;
  if (changes.preferredLanguage !== undefined)
    values.preferred_language = changes.preferredLanguage;
  const fields = Object.keys(changes).filter(
    (key) => changes[key as keyof ProfileChanges] !== undefined,
  );
  if (fields.length === 0) return [];
  await db
    .updateTable('users')
    .set({ ...values, updated_at: new Date() })
    .where('id', '=', userId)
    .execute();
  return fields.sort();
}
