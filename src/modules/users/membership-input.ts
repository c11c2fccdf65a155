import type { Kysely } from 'kysely';
import { z } from 'zod';
import { AppError, type FieldError } from '../../core/errors.ts';
import { roles } from '../../core/policy.ts';
import type { DB } from '../../db/schema.ts';
import { translate, type Locale } from '../../i18n/i18n.ts';

export const membershipInput = z.object({
  organisationId: z.guid(),
  role: z.enum(roles),
});
export type MembershipInput = z.infer<typeof membershipInput>;

export const membershipsInput = z.array(membershipInput).max(100);

/**
 * Every organisation must exist and no organisation/role pair may be repeated; each problem is
 * reported on its own field (`memberships.N.organisationId`) so the form can point at it.
 */
export async function checkMemberships(
  db: Kysely<DB>,
  memberships: readonly MembershipInput[],
  locale: Locale,
): Promise<void> {
  const fields: FieldError[] = [];
  const ids = [...new Set(memberships.map((membership) => membership.organisationId))];
  const existing =
    ids.length === 0
      ? []
      : await db.selectFrom('organisations').select('id').where('id', 'in', ids).execute();
  const known = new Set(existing.map((row) => row.id));
  const seen = new Set<string>();
  memberships.forEach((membership, index) => {
    if (!known.has(membership.organisationId)) {
      fields.push({
        field: `memberships.${index}.organisationId`,
        message: translate(locale, 'admin.validation.organisation_unknown'),
      });
    }
    const pair = `${membership.organisationId}\u0000${membership.role}`;
    if (seen.has(pair)) {
      fields.push({
        field: `memberships.${index}`,
        message: translate(locale, 'admin.validation.membership_repeated'),
      });
    }
    seen.add(pair);
  });
  if (fields.length > 0) throw new AppError('validation_failed', { fields });
}
