import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Locale } from '../../i18n/i18n.ts';
import { fieldError, isUuid } from './field-errors.ts';
import { organisationFilter } from './organisation-filters.ts';
import { presentSummary, summaryQuery } from './organisation-summary.ts';
import type { ListOrganisationsQuery, OrganisationSummary } from './schemas.ts';

export interface OrganisationPage {
  items: OrganisationSummary[];
  nextCursor: string | null;
}

/** The cursor is the last row's sort key; opaque to clients so the order can change later. */
function encodeCursor(searchName: string, id: string): string {
  return Buffer.from(JSON.stringify([searchName, id]), 'utf8').toString('base64url');
}

function decodeCursor(cursor: string, locale: Locale): [string, string] {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      typeof value[0] === 'string' &&
      typeof value[1] === 'string' &&
      isUuid(value[1])
    ) {
      return [value[0], value[1]];
    }
  } catch {
    // Falls through: a cursor the client altered is the client's error, not ours.
  }
  throw fieldError(locale, 'cursor', 'cursor_invalid');
}

// Byte order of the accent- and case-free name: the same on PGlite and on a PostgreSQL server
// whatever its locale, so pages and tests agree everywhere.
const sortName = sql<string>`organisations.search_name collate "C"`;

/**
 * One page of organisations in name order (keyset pagination on the searchable name and id),
 * filtered as the back office asks. `query` matches any part of the name, ignoring case and
 * accents; `municipality` matches the seat or a covered territory.
 */
export async function listOrganisations(
  db: Kysely<DB>,
  options: ListOrganisationsQuery,
  locale: Locale,
): Promise<OrganisationPage> {
  let query = summaryQuery(db)
    .orderBy(sortName)
    .orderBy('organisations.id')
    .limit(options.limit + 1);

  query = query.where((eb) => organisationFilter(eb, options));
  if (options.cursor) {
    const [searchName, id] = decodeCursor(options.cursor, locale);
    query = query.where(
      sql<boolean>`(${sortName}, organisations.id) > (${searchName} collate "C", ${id}::uuid)`,
    );
  }

  const rows = await query.execute();
  const page = rows.slice(0, options.limit);
  const last = page.at(-1);
  return {
    items: page.map(presentSummary),
    nextCursor:
      rows.length > options.limit && last
        ? encodeCursor(last.organisation_search_name, last.id)
        : null,
  };
}
