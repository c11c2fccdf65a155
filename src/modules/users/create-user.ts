import type { Kysely } from 'kysely';
import { AppError } from '../../core/errors.ts';
import type { DB } from '../../db/schema.ts';
import { translate } from '../../i18n/i18n.ts';
import { appendAudit } from '../audit/append-audit.ts';
import { hashPassword } from '../auth/passwords.ts';
import type { ActionContext } from './action-context.ts';
import { isUniqueViolation } from './field-error.ts';
import { checkMemberships, type MembershipInput } from './membership-input.ts';

export interface NewUser {
  /** Already trimmed and lower-cased by the caller's schema. */
  email: string;
  displayName: string;
  password: string;
  preferredLanguage: 'it' | 'en';
  memberships: MembershipInput[];
}

/**
 * Creates an account with its memberships. The account, its memberships and the `users.created`
 * audit row commit together, so no account can exist without the record of who made it.
 */
export async function createUser(
  db: Kysely<DB>,
  input: NewUser,
  context: ActionContext,
): Promise<string> {
  // Argon2 takes tens of milliseconds: hash before the transaction, not while holding it.
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.transaction().execute(async (trx) => {
      await checkMemberships(trx, input.memberships, context.locale);
      const user = await trx
        .insertInto('users')
        .values({
          email: input.email,
          display_name: input.displayName,
          password_hash: passwordHash,
          preferred_language: input.preferredLanguage,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (input.memberships.length > 0) {
        await trx
          .insertInto('memberships')
          .values(
            input.memberships.map((membership) => ({
              user_id: user.id,
              organisation_id: membership.organisationId,
              role: membership.role,
            })),
          )
          .execute();
      }
      await appendAudit(trx, {
        actorUserId: context.actor.userId,
        actorLabel: context.actor.label,
        action: 'users.created',
        targetType: 'user',
        targetId: user.id,
        details: {
          memberships: input.memberships.map(({ organisationId, role }) => ({
            organisationId,
            role,
          })),
        },
      });
      return user.id;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError('conflict', {
        fields: [
          { field: 'email', message: translate(context.locale, 'admin.validation.email_taken') },
        ],
        cause: error,
      });
    }
    throw error;
  }
}
