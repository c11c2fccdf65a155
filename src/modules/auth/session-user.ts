import type { Kysely } from 'kysely';
import { z } from 'zod';
import { permissionsOf, type Actor } from '../../core/policy.ts';
import type { DB } from '../../db/schema.ts';

export const membershipView = z.object({
  organisationId: z.string(),
  organisationName: z.string(),
  role: z.string(),
});

export const sessionUserView = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  preferredLanguage: z.enum(['it', 'en']),
  totpEnabled: z.boolean(),
  memberships: z.array(membershipView),
  permissions: z.array(z.string()),
});
export type SessionUserView = z.infer<typeof sessionUserView>;

export async function loadMembershipViews(db: Kysely<DB>, userIds: string[]) {
  if (userIds.length === 0) return new Map<string, z.infer<typeof membershipView>[]>();
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('organisations', 'organisations.id', 'memberships.organisation_id')
    .select([
      'memberships.user_id',
      'memberships.organisation_id',
      'organisations.name',
      'memberships.role',
    ])
    .where('memberships.user_id', 'in', userIds)
    .orderBy('organisations.name')
    .orderBy('memberships.role')
    .execute();
  const byUser = new Map<string, z.infer<typeof membershipView>[]>();
  for (const row of rows) {
    const list = byUser.get(row.user_id) ?? [];
    list.push({ organisationId: row.organisation_id, organisationName: row.name, role: row.role });
    byUser.set(row.user_id, list);
  }
  return byUser;
}

export async function presentSessionUser(db: Kysely<DB>, actor: Actor): Promise<SessionUserView> {
  const user = await db
    .selectFrom('users')
    .select(['preferred_language', 'totp_enabled_at'])
    .where('id', '=', actor.id)
    .executeTakeFirstOrThrow();
  const memberships = await loadMembershipViews(db, [actor.id]);
  return {
    id: actor.id,
    email: actor.email,
    displayName: actor.displayName,
    preferredLanguage: user.preferred_language,
    totpEnabled: user.totp_enabled_at !== null,
    memberships: memberships.get(actor.id) ?? [],
    permissions: [...permissionsOf(actor)].filter((p) => p !== 'public').sort(),
  };
}
