import { sql, type Kysely } from 'kysely';
import { expect } from 'vitest';
import type { DB } from '../../../src/db/schema.ts';

/** Tables where a case's people and stories could end up, read raw as JSON text. */
const tablesToSearch = [
  'cases',
  'case_events',
  'case_actions',
  'case_documents',
  'case_deadlines',
  'case_messages',
  'case_referrals',
  'case_links',
  'stored_files',
  'audit_log',
] as const;

/** Fails if the marker is stored anywhere in plain text. */
export async function expectNoPlaintext(db: Kysely<DB>, marker: string): Promise<void> {
  for (const table of tablesToSearch) {
    const { rows } = await sql<{ found: number }>`
      select count(*)::int as found from ${sql.table(table)} t
      where row_to_json(t)::text like ${`%${marker}%`}`.execute(db);
    expect(rows[0]?.found, `${table} holds "${marker}" in plain text`).toBe(0);
  }
}

/** The audit rows of one action on one case. */
export async function auditRows(db: Kysely<DB>, caseId: string, action: string) {
  return db
    .selectFrom('audit_log')
    .select(['action', 'actor_user_id', 'outcome', 'details'])
    .where('target_id', '=', caseId)
    .where('action', '=', action)
    .execute();
}

/** A multipart/form-data body with one file and optional text fields, as a browser sends it. */
export function multipart(
  fileName: string,
  content: Buffer | string,
  fields: Record<string, string> = {},
  contentType = 'application/octet-stream',
) {
  const boundary = `----osservatorio${Math.random().toString(16).slice(2)}`;
  const parts = Object.entries(fields).map(
    ([name, value]) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  const body = Buffer.concat([
    Buffer.from(parts.join('')),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\n` +
        `Content-Type: ${contentType}\r\n\r\n`,
    ),
    typeof content === 'string' ? Buffer.from(content, 'utf8') : content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
