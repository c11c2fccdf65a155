import { decodeNameIdCursor, encodeNameIdCursor } from '../../http/name-id-cursor.ts';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Locale } from '../../i18n/i18n.ts';
import { fieldError } from './field-errors.ts';
import { organisationFilter } from './organisation-filters.ts';
import { presentSummary, summaryQuery } from './organisation-summary.ts';
import type { ListOrganisationsQuery, OrganisationSummary } from './schemas.ts';

export interface OrganisationPage {
  items: OrganisationSummary[];
  nextCursor: string | null;
}

function decodeCursor(cursor: string, locale: Locale): [string, string] {
  const key = decodeNameIdCursor(cursor);
  if (!key) throw fieldError(locale, 'cursor', 'cursor_invalid');
  return key;
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
        ? encodeNameIdCursor(last.organisation_search_name, last.id)
        : null,
  };
}
