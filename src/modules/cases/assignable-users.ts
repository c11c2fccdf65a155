import type { Kysely } from 'kysely';
import { caseTeamRoles, type Role } from '../../core/policy.ts';
import type { DB } from '../../db/schema.ts';
import { isUuid } from './case-access.ts';

/** Someone a case can be given to: a name to choose by, never their e-mail. */
export interface AssignableUser {
  id: string;
  displayName: string;
  role: Role;
}

/** The role shown for a person holding several team roles in the organisation. */
const rolePrecedence: readonly Role[] = ['node_coordinator', 'operator'];

/**
 * The people who may work a case held by `organisationId`: active accounts with a case-team
 * role there, the same people `caseAccess` gives the team's access to, so an assignee can
 * always open the case they are given. A desk's team is a handful of people: no paging.
 */
export async function listAssignableUsers(
  db: Kysely<DB>,
  organisationId: string | null,
): Promise<AssignableUser[]> {
  if (organisationId === null) return [];
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.id', 'users.display_name', 'memberships.role'])
    .where('memberships.organisation_id', '=', organisationId)
    .where('memberships.role', 'in', caseTeamRoles)
    .where('users.disabled_at', 'is', null)
    .orderBy('users.display_name')
    .orderBy('users.id')
    .execute();
  const people = new Map<string, AssignableUser>();
  for (const row of rows) {
    const seen = people.get(row.id);
    if (seen && rolePrecedence.indexOf(seen.role) <= rolePrecedence.indexOf(row.role)) continue;
    people.set(row.id, { id: row.id, displayName: row.display_name, role: row.role });
  }
  return [...people.values()];
}

/**
 * Whether the user is one of `listAssignableUsers(organisationId)`: the check behind every
 * assignment (of the case, of a deadline), so nobody outside that list can be given one.
 */
export async function isAssignable(
  db: Kysely<DB>,
  userId: string,
  organisationId: string | null,
): Promise<boolean> {
  if (!isUuid(userId) || organisationId === null) return false;
  const row = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select('users.id')
    .where('memberships.user_id', '=', userId)
    .where('memberships.organisation_id', '=', organisationId)
    .where('memberships.role', 'in', caseTeamRoles)
    .where('users.disabled_at', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}
