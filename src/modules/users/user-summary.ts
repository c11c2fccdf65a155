import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema.ts';
import { loadMembershipViews, membershipView } from '../auth/session-user.ts';

/** What the back office shows of an account: never the password hash or the TOTP secret. */
export const userSummary = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  preferredLanguage: z.enum(['it', 'en']),
  disabled: z.boolean(),
  totpEnabled: z.boolean(),
  lastLoginAt: z.string().nullable(),
  memberships: z.array(membershipView),
});
export type UserSummary = z.infer<typeof userSummary>;

export const summaryColumns = [
  'users.id',
  'users.email',
  'users.display_name',
  'users.preferred_language',
  'users.disabled_at',
  'users.totp_enabled_at',
  'users.last_login_at',
] as const;

interface SummaryRow {
  id: string;
  email: string;
  display_name: string;
  preferred_language: 'it' | 'en';
  disabled_at: Date | null;
  totp_enabled_at: Date | null;
  last_login_at: Date | null;
}

/** Adds each account's memberships (one query for the whole page) and shapes the rows. */
export async function presentUsers(db: Kysely<DB>, rows: SummaryRow[]): Promise<UserSummary[]> {
  const memberships = await loadMembershipViews(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => ({
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    preferredLanguage: row.preferred_language,
    disabled: row.disabled_at !== null,
    totpEnabled: row.totp_enabled_at !== null,
    lastLoginAt: row.last_login_at?.toISOString() ?? null,
    memberships: memberships.get(row.id) ?? [],
  }));
}

export async function loadUserSummary(
  db: Kysely<DB>,
  userId: string,
): Promise<UserSummary | undefined> {
  const row = await db
    .selectFrom('users')
    .select(summaryColumns)
    .where('users.id', '=', userId)
    .executeTakeFirst();
  if (!row) return undefined;
  const [summary] = await presentUsers(db, [row]);
  return summary;
}

/** The organisations an account belongs to, as the record-level policy needs them. */
export function organisationIdsOf(summary: UserSummary): string[] {
  return [...new Set(summary.memberships.map((membership) => membership.organisationId))];
}
