import type { Kysely } from 'kysely';
import type { Role } from '../../core/policy.ts';
import type { DB } from '../../db/schema.ts';
import type { Locale } from '../../i18n/i18n.ts';
import { checkMemberships, type MembershipInput } from './membership-input.ts';

export interface MembershipChange {
  added: MembershipInput[];
  removed: MembershipInput[];
}

const keyOf = (membership: { organisationId: string; role: Role }) =>
  `${membership.organisationId}\u0000${membership.role}`;

/**
 * Makes an account's memberships exactly the given set. Rows that stay are kept (with their
 * creation date); only the difference is written and reported.
 */
export async function replaceMemberships(
  db: Kysely<DB>,
  userId: string,
  memberships: readonly MembershipInput[],
  locale: Locale,
): Promise<MembershipChange> {
  return db.transaction().execute(async (trx) => {
    // Locks the account so two concurrent replacements cannot interleave their differences.
    await trx.selectFrom('users').select('id').where('id', '=', userId).forUpdate().execute();
    await checkMemberships(trx, memberships, locale);
    const current = await trx
      .selectFrom('memberships')
      .select(['id', 'organisation_id', 'role'])
      .where('user_id', '=', userId)
      .execute();
    const wanted = new Map(memberships.map((membership) => [keyOf(membership), membership]));
    const existing = new Map(
      current.map((row) => [
        keyOf({ organisationId: row.organisation_id, role: row.role }),
        { id: row.id, organisationId: row.organisation_id, role: row.role },
      ]),
    );
    const removed = [...existing].filter(([key]) => !wanted.has(key)).map(([, row]) => row);
    const added = [...wanted].filter(([key]) => !existing.has(key)).map(([, row]) => row);
    if (removed.length > 0) {
      await trx
        .deleteFrom('memberships')
        .where(
          'id',
          'in',
          removed.map((row) => row.id),
        )
        .execute();
    }
    if (added.length > 0) {
      await trx
        .insertInto('memberships')
        .values(
          added.map((membership) => ({
            user_id: userId,
            organisation_id: membership.organisationId,
            role: membership.role,
          })),
        )
        .execute();
    }
    return {
      added: added.map(({ organisationId, role }) => ({ organisationId, role })),
      removed: removed.map(({ organisationId, role }) => ({ organisationId, role })),
    };
  });
}
