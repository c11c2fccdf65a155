import { decodeNameIdCursor, encodeNameIdCursor } from '../../http/name-id-cursor.ts';
import type { Kysely } from 'kysely';
import { AppError } from '../../core/errors.ts';
import { canReadUser, rolesOf, type Actor } from '../../core/policy.ts';
import type { DB } from '../../db/schema.ts';
import type { Locale } from '../../i18n/i18n.ts';
import { fieldError } from './field-error.ts';
import {
  organisationIdsOf,
  presentUsers,
  summaryColumns,
  type UserSummary,
} from './user-summary.ts';

export interface UserListQuery {
  query?: string | undefined;
  cursor?: string | undefined;
  limit: number;
}

export interface UserPage {
  items: UserSummary[];
  nextCursor: string | null;
}

function decodeCursor(cursor: string, locale: Locale): [string, string] {
  const key = decodeNameIdCursor(cursor);
  if (!key) throw fieldError(locale, 'cursor', 'admin.validation.cursor_invalid');
  return key;
}

/** `%`, `_` and `\` typed in the search box are matched literally. */
function containsPattern(text: string): string {
  return `%${text.replaceAll(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/**
 * One page of the accounts the actor may read, ordered by name. The SQL scope mirrors
 * `canReadUser` (admins and auditors: everyone; node coordinators: members of the organisations
 * they coordinate; anyone: themself), and each row is checked against the policy again.
 */
export async function listUsers(
  db: Kysely<DB>,
  actor: Actor,
  options: UserListQuery,
  locale: Locale,
): Promise<UserPage> {
  let query = db
    .selectFrom('users')
    .select(summaryColumns)
    .orderBy('users.display_name')
    .orderBy('users.id')
    .limit(options.limit + 1);

  const own = rolesOf(actor);
  if (!own.has('network_admin') && !own.has('auditor')) {
    const coordinated = actor.memberships
      .filter((membership) => membership.role === 'node_coordinator')
      .map((membership) => membership.organisationId);
    query = query.where((eb) =>
      coordinated.length === 0
        ? eb('users.id', '=', actor.id)
        : eb.or([
            eb('users.id', '=', actor.id),
            eb(
              'users.id',
              'in',
              eb
                .selectFrom('memberships')
                .select('memberships.user_id')
                .where('memberships.organisation_id', 'in', coordinated),
            ),
          ]),
    );
  }

  const search = options.query?.trim();
  if (search) {
    const pattern = containsPattern(search);
    query = query.where((eb) =>
      eb.or([eb('users.display_name', 'ilike', pattern), eb('users.email', 'ilike', pattern)]),
    );
  }

  if (options.cursor) {
    const [displayName, id] = decodeCursor(options.cursor, locale);
    query = query.where((eb) =>
      eb(eb.refTuple('users.display_name', 'users.id'), '>', eb.tuple(displayName, id)),
    );
  }

  const rows = await query.execute();
  const page = rows.slice(0, options.limit);
  const items = await presentUsers(db, page);
  for (const item of items) {
    if (!canReadUser(actor, { id: item.id, organisationIds: organisationIdsOf(item) })) {
      // The query and the policy disagree: fail rather than show an account the policy forbids.
      throw new AppError('internal', { cause: new Error('user list scope exceeds canReadUser') });
    }
  }
  const last = page.at(-1);
  return {
    items,
    nextCursor:
      rows.length > options.limit && last ? encodeNameIdCursor(last.display_name, last.id) : null,
  };
}
